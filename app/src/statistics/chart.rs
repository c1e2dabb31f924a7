//! Charts drawn on the server as SVG: no script, sharp at any zoom, and
//! printable. One colour, and every bar carries its number as text, so no
//! reading depends on telling colours apart (in greyscale, or for a reader
//! who sees colours differently). Each chart has a title and a description
//! for screen readers, and the page gives the same numbers as a table.
//!
//! Charts are built as strings of SVG: every text in them is escaped,
//! agency names included.

use crate::html::escape_into;
use std::fmt::Write;

/// One bar: what it counts and how many.
pub struct Bar {
    pub label: String,
    pub value: i64,
}

/// The drawing's width in SVG units; it scales to the page's width.
const WIDTH: i64 = 400;
/// Room for the labels left of the bars.
const LABEL_WIDTH: i64 = 180;
/// Room for the numbers right of the longest bar.
const NUMBER_WIDTH: i64 = 40;
/// The height of a row, and of a bar in it.
const ROW: i64 = 30;
const BAR: i64 = 20;
/// The longest label drawn, in characters; the table gives it whole.
const LABEL_CHARS: usize = 20;

/// A label shortened to [`LABEL_CHARS`], with an ellipsis where it was cut.
fn shortened(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let mut short: String = label.chars().take(LABEL_CHARS - 1).collect();
    short.push('…');
    short
}

/// The opening of a chart: the SVG element with its title and description.
fn open(html: &mut String, id: &str, height: i64, title: &str, description: &str) {
    let _ = write!(
        html,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">"#
    );
    escape_into(html, title);
    let _ = write!(html, r#"</title><desc id="{id}-desc">"#);
    escape_into(html, description);
    html.push_str("</desc>");
}

/// A horizontal bar chart: one row per bar, its label left, its number at
/// the bar's end. Bars are scaled to the largest.
pub fn bars(id: &str, title: &str, description: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len().max(1) as i64;
    let most = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let room = WIDTH - LABEL_WIDTH - NUMBER_WIDTH;
    let mut html = String::with_capacity(200 + bars.len() * 260);
    open(&mut html, id, height, title, description);
    for (row, bar) in bars.iter().enumerate() {
        let top = row as i64 * ROW;
        let middle = top + ROW / 2 + 5;
        let length = (bar.value.max(0) * room / most).max(i64::from(bar.value > 0));
        let _ = write!(
            html,
            r#"<text x="{x}" y="{middle}" text-anchor="end">"#,
            x = LABEL_WIDTH - 8
        );
        escape_into(&mut html, &shortened(&bar.label));
        let _ = write!(
            html,
            r#"</text><rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}"/><text x="{end}" y="{middle}">{value}</text>"#,
            y = top + (ROW - BAR) / 2,
            end = LABEL_WIDTH + length + 6,
            value = bar.value,
        );
    }
    html.push_str("</svg>");
    html
}

/// A column chart over time: one column per period, oldest left, labelled
/// under the first, the last and each January (its year), with the largest
/// number marked on a line across.
pub fn columns(id: &str, title: &str, description: &str, periods: &[Bar]) -> String {
    const HEIGHT: i64 = 200;
    const BOTTOM: i64 = 170;
    const LEFT: i64 = 40;
    let most = periods.iter().map(|p| p.value).max().unwrap_or(0).max(1);
    let step = (WIDTH - LEFT) as f64 / periods.len().max(1) as f64;
    let mut html = String::with_capacity(400 + periods.len() * 160);
    open(&mut html, id, HEIGHT, title, description);
    let _ = write!(
        html,
        r#"<line class="axis" x1="{LEFT}" y1="20" x2="{WIDTH}" y2="20"/><text x="{x}" y="25" text-anchor="end">{most}</text><line class="axis" x1="{LEFT}" y1="{BOTTOM}" x2="{WIDTH}" y2="{BOTTOM}"/><text x="{x}" y="{BOTTOM}" text-anchor="end">0</text>"#,
        x = LEFT - 6
    );
    let last = periods.len().saturating_sub(1);
    for (at, period) in periods.iter().enumerate() {
        let height = period.value.max(0) * (BOTTOM - 20) / most;
        let x = LEFT as f64 + at as f64 * step;
        let _ = write!(
            html,
            r#"<rect class="bar" x="{x:.1}" y="{y}" width="{width:.1}" height="{height}"/>"#,
            y = BOTTOM - height,
            width = (step * 0.8).max(1.0),
        );
        let january = period.label.ends_with("-01");
        if at == 0 || at == last || january {
            let text = if january && at != 0 && at != last {
                &period.label[..4]
            } else {
                period.label.as_str()
            };
            let anchor = if at == last && at != 0 {
                "end"
            } else {
                "start"
            };
            let _ = write!(
                html,
                r#"<text x="{x:.1}" y="{y}" text-anchor="{anchor}">"#,
                x = if anchor == "end" { x + step } else { x },
                y = BOTTOM + 20,
            );
            escape_into(&mut html, text);
            html.push_str("</text>");
        }
    }
    html.push_str("</svg>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: i64) -> Bar {
        Bar {
            label: label.into(),
            value,
        }
    }

    #[test]
    fn bars_scale_to_the_largest_and_carry_their_numbers() {
        let svg = bars(
            "stage",
            "Systems by stage",
            "Most are in use.",
            &[bar("In use", 30), bar("Pilot", 15), bar("Retired", 0)],
        );
        assert!(svg.starts_with(r#"<svg class="chart" viewBox="0 0 400 90" role="img" aria-labelledby="stage-title stage-desc""#));
        assert!(svg.contains(r#"<title id="stage-title">Systems by stage</title><desc id="stage-desc">Most are in use.</desc>"#));
        assert!(
            svg.contains(r#"width="180" height="20"/><text x="366" y="20">30</text>"#),
            "{svg}"
        );
        assert!(svg.contains(r#"width="90" height="20"/>"#), "{svg}");
        assert!(
            svg.contains(r#"width="0" height="20"/><text x="186" y="80">0</text>"#),
            "{svg}"
        );
    }

    #[test]
    fn every_text_is_escaped_and_long_labels_are_cut() {
        let svg = bars(
            "agency",
            "<script>",
            "a & b",
            &[bar(
                "</text><script>alert(1)</script> and a very long agency name",
                1,
            )],
        );
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(
            svg.contains("&lt;/text&gt;&lt;script&gt;aler…</text>"),
            "{svg}"
        );
        assert!(svg.contains("a &amp; b"));
    }

    #[test]
    fn columns_name_the_first_and_last_periods_and_each_year() {
        let months: Vec<Bar> = ["2025-11", "2025-12", "2026-01", "2026-02"]
            .iter()
            .map(|m| bar(m, 2))
            .collect();
        let svg = columns("months", "New systems per month", "Two a month.", &months);
        assert!(svg.contains(">2025-11</text>"));
        assert!(svg.contains(">2026</text>"));
        assert!(svg.contains(r#"text-anchor="end">2026-02</text>"#));
        assert!(!svg.contains(">2025-12<"));
        assert_eq!(svg.matches("<rect").count(), 4);
    }
}
