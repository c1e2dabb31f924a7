//! Text from outside, made inert where the framework does not escape it.
//!
//! tachys escapes text children and attribute values, with two exceptions
//! that matter here: leptos_meta's `<Title>` writes its text into the head as
//! it is, and `<textarea>` children are written unescaped. A record named
//! `</title><meta http-equiv="refresh" …>` or a comment containing
//! `</textarea><form …>` would otherwise add elements to Lantern's pages.
//! Every page names itself with [`PageTitle`] and every text area is filled
//! through [`textarea_html`]; `server/tests/integration/hostile_input.rs` proves it.

use leptos::prelude::*;
use leptos_meta::Title;

/// Plain text as HTML: every character that means something in HTML escaped.
pub fn escaped(text: &str) -> String {
    let mut html = String::with_capacity(text.len());
    escape_into(&mut html, text);
    html
}

/// Appends `text` escaped: the runs between special characters go in whole
/// (the special characters are ASCII, so the cuts fall between characters).
pub fn escape_into(html: &mut String, text: &str) {
    let mut done = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        html.push_str(&text[done..at]);
        html.push_str(entity);
        done = at + 1;
    }
    html.push_str(&text[done..]);
}

/// The page's `<title>`, escaped (leptos_meta writes a title unescaped).
/// The only way a page names itself.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=escaped(&text)/> }
}

/// The HTML inside a `<textarea>` that shows `text` as typed, for its
/// `inner_html`: escaped, because tachys writes textarea children unescaped.
/// A browser drops one line break right after `<textarea>`, so one is added
/// in front: text that starts with a blank line keeps it.
pub fn textarea_html(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 1);
    html.push('\n');
    escape_into(&mut html, text);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(escaped("Zoë's <b>"), "Zoë&#39;s &lt;b&gt;");
        assert_eq!(escaped("a & \"b\""), "a &amp; &quot;b&quot;");
        assert_eq!(escaped("ünïcødé only"), "ünïcødé only");
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn a_textarea_cannot_be_closed_from_inside() {
        let html = textarea_html("</textarea><meta http-equiv=\"refresh\">");
        assert_eq!(
            html,
            "\n&lt;/textarea&gt;&lt;meta http-equiv=&quot;refresh&quot;&gt;"
        );
        assert_eq!(textarea_html("\nsecond line"), "\n\nsecond line");
    }
}
