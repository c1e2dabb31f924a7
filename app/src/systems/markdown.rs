//! Markdown as agencies write it, made into HTML that is safe to put in a page.

use pulldown_cmark::{Options, Parser, html};
use std::sync::LazyLock;

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

#[cfg(test)]
mod tests {
    use super::to_safe_html;

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
