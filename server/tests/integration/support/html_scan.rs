//! Finding markup that came from input in a page, reading the HTML as a
//! browser does: the text of `<title>` and `<textarea>` (RCDATA) and of
//! `<script>` and `<style>` (raw text) ends only at their own end tag, so a
//! `</title>` written into a title ends it, exactly as in a browser.
//!
//! Hostile strings in the tests mark each element they try to add with an
//! attribute named `data-hostile`; Lantern never writes one. A page is
//! defaced when any element it holds has that attribute, or is a `<base>`,
//! or a `<meta http-equiv>`, or has an inline event handler (`on…`), or a
//! link, source or form action that runs script (`javascript:`, `data:`).

// Each test crate uses a different part of this module.
/// One start tag: its element name and attributes, names lower-cased and
/// values with their character references decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartTag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

/// Elements whose text ends only at their own end tag.
const RAW_TEXT: &[&str] = &["title", "textarea", "script", "style"];

/// Every start tag of a document, in order.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        at += offset;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            at += rest.find("-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            at += rest.find('>').map_or(rest.len(), |end| end + 1);
            continue;
        }
        if !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
            at += 1;
            continue;
        }
        let (tag, length) = start_tag(&rest[1..]);
        at += 1 + length;
        if RAW_TEXT.contains(&tag.name.as_str()) {
            at += raw_text_length(&html[at..], &tag.name);
        }
        tags.push(tag);
    }
    tags
}

/// Reads a start tag after its `<`; answers it and how many bytes it took.
fn start_tag(text: &str) -> (StartTag, usize) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut i = 0;
    let mut name = String::new();
    while let Some(&(_, c)) = chars.get(i) {
        if c.is_whitespace() || c == '/' || c == '>' {
            break;
        }
        name.push(c.to_ascii_lowercase());
        i += 1;
    }
    let mut attributes = Vec::new();
    loop {
        while chars
            .get(i)
            .is_some_and(|&(_, c)| c.is_whitespace() || c == '/')
        {
            i += 1;
        }
        match chars.get(i) {
            None => break,
            Some(&(_, '>')) => {
                i += 1;
                break;
            }
            _ => {}
        }
        let mut attribute = String::new();
        while let Some(&(_, c)) = chars.get(i) {
            if c.is_whitespace() || c == '/' || c == '>' || (c == '=' && !attribute.is_empty()) {
                break;
            }
            attribute.push(c.to_ascii_lowercase());
            i += 1;
        }
        while chars.get(i).is_some_and(|&(_, c)| c.is_whitespace()) {
            i += 1;
        }
        let mut value = String::new();
        if chars.get(i).is_some_and(|&(_, c)| c == '=') {
            i += 1;
            while chars.get(i).is_some_and(|&(_, c)| c.is_whitespace()) {
                i += 1;
            }
            match chars.get(i) {
                Some(&(_, quote)) if quote == '"' || quote == '\'' => {
                    i += 1;
                    while let Some(&(_, c)) = chars.get(i) {
                        i += 1;
                        if c == quote {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some(&(_, c)) = chars.get(i) {
                        if c.is_whitespace() || c == '>' {
                            break;
                        }
                        value.push(c);
                        i += 1;
                    }
                }
            }
        }
        attributes.push((attribute, decode(&value)));
    }
    (StartTag { name, attributes }, end_of(i))
}

/// How many bytes of raw text come before the end tag of `name`.
fn raw_text_length(text: &str, name: &str) -> usize {
    let lower = text.to_ascii_lowercase();
    let closing = format!("</{name}");
    let mut from = 0;
    while let Some(offset) = lower[from..].find(&closing) {
        let at = from + offset;
        let after = lower.as_bytes().get(at + closing.len());
        if after.is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>') {
            return at;
        }
        from = at + closing.len();
    }
    text.len()
}

/// The character references an attribute value may hold, decoded (the named
/// ones pages use, and numeric ones).
fn decode(value: &str) -> String {
    let mut decoded = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|end| *end <= 10) else {
            decoded.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let character = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "colon" => Some(':'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match character {
            Some(c) => {
                decoded.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// Attributes whose value a browser follows or runs as an address.
const ADDRESS_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "xlink:href",
    "background",
    "srcset",
];

/// What in a page came from hostile input, described; empty when nothing did.
pub fn injected(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in start_tags(html) {
        let described = || format!("<{} {:?}>", tag.name, tag.attributes);
        if tag.name == "base" {
            found.push(format!("a <base> element: {}", described()));
        }
        for (name, value) in &tag.attributes {
            if name == "data-hostile" {
                found.push(format!("an element from the input: {}", described()));
            } else if tag.name == "meta" && name == "http-equiv" {
                found.push(format!("a <meta http-equiv>: {}", described()));
            } else if name.starts_with("on") && name.len() > 2 {
                found.push(format!("an event handler: {}", described()));
            } else if ADDRESS_ATTRIBUTES.contains(&name.as_str()) {
                let address: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if address.starts_with("javascript:")
                    || address.starts_with("data:")
                    || address.starts_with("vbscript:")
                {
                    found.push(format!("a script address: {}", described()));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_ends_where_a_browser_ends_it() {
        let page = "<head><title>Meta PoC</title><meta http-equiv=\"refresh\" content=\"0\"></title></head>";
        assert_eq!(injected(page).len(), 1);
        let escaped = "<head><title>Meta PoC&lt;/title&gt;&lt;meta http-equiv&gt;</title></head>";
        assert!(injected(escaped).is_empty());
        let textarea = "<textarea><b data-hostile=1></TEXTAREA ><i data-hostile=2>";
        let found = injected(textarea);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("\"2\""));
    }

    #[test]
    fn script_addresses_and_handlers_are_found_even_encoded() {
        assert_eq!(
            injected("<a href=\" java&#x73;cript:alert(1)\">x</a>").len(),
            1
        );
        assert_eq!(injected("<img src=x onerror='alert(1)'>").len(), 1);
        assert_eq!(injected("<a href=\"data:text/html,x\">x</a>").len(), 1);
        assert!(injected("<a href=\"https://example.org/\" title=\"onload\">x</a>").is_empty());
        assert!(injected("<input value=\"&lt;b data-hostile=1&gt;\">").is_empty());
    }
}
