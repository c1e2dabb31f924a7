//! Markdown as agencies write it, made into HTML that is safe to put in a page.

use crate::record::SystemId;
use crate::systems::page::Section;
use pulldown_cmark::{Options, Parser, html};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// The sanitiser, built once: building one costs more than cleaning a section.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect());
    builder
});

/// Renders markdown to HTML and removes everything that could run or restyle the page.
///
/// Raw HTML in the markdown goes through the same sanitiser: scripts, frames,
/// styles, event handlers and `javascript:` links never survive.
pub fn to_safe_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    SANITISER.clean(&unsafe_html).to_string()
}

/// The words of markdown as the search engines index them, and as search
/// results quote them: plain text, a line per block, without markup.
///
/// Headings are left out: they are a form's structure, not what a system
/// does, and a heading that thousands of imported records share ("Expected
/// benefits") would make a search for its words match them all. A paragraph
/// that is only bold text counts as a heading, and a bold label that opens a
/// line (`**Developed:** in-house`) is left out too; the record page shows
/// both as written.
pub fn searched_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut out = String::new();
    let mut block = SearchedBlock::default();
    let mut in_heading = false;
    let mut strong = 0u32;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                block.end(&mut out);
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::TableCell
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => block.end(&mut out),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if !in_heading => block.push(&text, strong > 0),
            Event::SoftBreak | Event::HardBreak if !in_heading => block.push(" ", strong > 0),
            _ => {}
        }
    }
    block.end(&mut out);
    out
}

/// One block of [`searched_text`]: the bold text it opens with, and the rest.
#[derive(Default)]
struct SearchedBlock {
    label: String,
    rest: String,
}

impl SearchedBlock {
    fn push(&mut self, text: &str, bold: bool) {
        if bold && self.rest.is_empty() {
            self.label.push_str(text);
        } else {
            self.rest.push_str(text);
        }
    }

    /// Ends the block: its words go to `out`, on a line of their own.
    fn end(&mut self, out: &mut String) {
        let SearchedBlock { label, rest } = std::mem::take(self);
        let kept = if rest.trim().is_empty() || label.trim_end().ends_with(':') {
            rest
        } else {
            label + &rest
        };
        let kept = kept.trim();
        if !kept.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(kept);
        }
    }
}

/// Rendered sections by system, version and the reader's language (a
/// version's translations are rendered apart). A published version never changes,
/// so its HTML never does; sanitising is most of the cost of a record page.
/// Only a cache: each instance fills its own, and a restart empties it.
static RENDERED: LazyLock<Mutex<RenderedVersions>> = LazyLock::new(|| Mutex::new(HashMap::new()));

type RenderedVersions = HashMap<(SystemId, i64, String, String), Vec<Section>>;

/// How many versions the cache holds before it starts again from empty.
const RENDERED_LIMIT: usize = 5_000;

/// The sections of a version, rendered by `render` the first time they are asked for.
///
/// A version is known by its system, number and publication time: a version
/// never changes, and a database restored from elsewhere that reuses a number
/// still differs in the time.
pub fn rendered_once(
    (id, version, published_at, reader): (&SystemId, i64, &str, &str),
    render: impl FnOnce() -> Vec<Section>,
) -> Vec<Section> {
    let key = (
        id.clone(),
        version,
        published_at.to_string(),
        reader.to_string(),
    );
    // A poisoned lock only means another request panicked mid-insert; the map is still valid.
    if let Some(sections) = RENDERED.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return sections.clone();
    }
    let sections = render();
    let mut cache = RENDERED.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= RENDERED_LIMIT {
        cache.clear();
    }
    cache.insert(key, sections.clone());
    sections
}

#[cfg(test)]
mod tests {
    use super::{SystemId, rendered_once, to_safe_html};
    use crate::systems::page::Section;

    fn section(html: &str) -> Vec<Section> {
        vec![Section {
            field: "purpose".into(),
            html: html.into(),
            withheld: None,
        }]
    }

    #[test]
    fn a_version_is_rendered_once_and_a_new_version_again() {
        let id = SystemId("cache-test".into());
        assert_eq!(
            rendered_once((&id, 1, "t", "en"), || section("one"))[0].html,
            "one"
        );
        let again = rendered_once((&id, 1, "t", "en"), || {
            panic!("version 1 is rendered already")
        });
        assert_eq!(again[0].html, "one");
        assert_eq!(
            rendered_once((&id, 2, "t", "en"), || section("two"))[0].html,
            "two"
        );
        // Its translation is rendered apart.
        assert_eq!(
            rendered_once((&id, 2, "t", "nl"), || section("twee"))[0].html,
            "twee"
        );
    }

    #[test]
    fn searched_text_is_plain_and_leaves_out_headings() {
        let text = super::searched_text(
            "**Problem to solve**\n\nVeterans wait for *benefit* decisions.\n\n\
             ## Outputs\n\n- **Developed:** in-house\n- a `score` per [claim](https://x.org)\n\n\
             **Not** used alone.",
        );
        assert_eq!(
            text,
            "Veterans wait for benefit decisions.\nin-house\na score per claim\nNot used alone."
        );
    }

    #[test]
    fn markdown_becomes_html() {
        let html = to_safe_html("A *careful* list:\n\n- one\n- [two](https://example.org)\n");
        assert!(html.contains("<em>careful</em>"), "{html}");
        assert!(html.contains("<li>one</li>"), "{html}");
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{html}"
        );
    }

    #[test]
    fn script_tags_are_removed() {
        let html = to_safe_html("Hello <script>alert('x')</script> world");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert("), "{html}");
        assert!(html.contains("Hello"), "{html}");
    }

    #[test]
    fn javascript_links_lose_their_target() {
        for md in [
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](JaVaScRiPt:alert(1))",
        ] {
            let html = to_safe_html(md);
            assert!(
                !html.to_lowercase().contains("javascript:"),
                "{md} → {html}"
            );
            assert!(html.contains("click"), "{md} → {html}");
        }
    }

    #[test]
    fn event_handler_attributes_are_removed() {
        let html =
            to_safe_html("<img src=\"x.png\" onerror=\"alert(1)\"> <p onclick=\"alert(2)\">hi</p>");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("alert("), "{html}");
    }

    #[test]
    fn iframes_are_removed() {
        let html = to_safe_html("before <iframe src=\"https://evil.example\"></iframe> after");
        assert!(!html.contains("<iframe"), "{html}");
        assert!(!html.contains("evil.example"), "{html}");
    }

    #[test]
    fn style_tags_and_attributes_are_removed() {
        let html =
            to_safe_html("<style>body{display:none}</style><p style=\"position:fixed\">x</p>");
        assert!(!html.contains("<style"), "{html}");
        assert!(!html.contains("display:none"), "{html}");
        assert!(!html.contains("position:fixed"), "{html}");
    }
}
