//! The words of a search, how tolerant each is of typos, and marking them in text.
//!
//! The embedded engine uses this both to build its queries and to highlight
//! results, so what is marked is exactly what matched. The rules follow
//! Meilisearch's defaults: a word of 5 letters or more may have 1 typo, of 9
//! or more 2 typos (a swap of two letters counts as one), and the last word
//! also matches as the start of a longer word, so results come as you type.

use app::search::{Fragment, Highlight, SEARCHED_FIELDS, Snippet};
use std::collections::HashMap;

/// A word of a search, normalised as the index normalises text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// The text's characters, for comparing with tokens.
    chars: Vec<char>,
    /// How many typos a match may have.
    pub typos: u8,
    /// Whether longer words starting with this one match too (the last word).
    pub prefix: bool,
}

/// Typos a word of `letters` letters may have, as Meilisearch allows by default.
pub fn typo_budget(letters: usize) -> u8 {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The searched words, from the normalised tokens of the search text
/// (without stop words: [`app::search::searched_words`]).
pub fn words(tokens: Vec<String>) -> Vec<Word> {
    let tokens = app::search::searched_words(tokens);
    let last = tokens.len().saturating_sub(1);
    tokens
        .into_iter()
        .enumerate()
        .map(|(at, text)| Word::new(text, at == last))
        .collect()
}

impl Word {
    /// A word with the typo budget of its length.
    pub fn new(text: String, prefix: bool) -> Word {
        let chars: Vec<char> = text.chars().collect();
        Word {
            typos: typo_budget(chars.len()),
            prefix,
            chars,
            text,
        }
    }

    /// Whether a normalised token of a text matches this word.
    #[cfg(test)]
    pub fn matches(&self, token: &str) -> bool {
        token == self.text || self.matches_chars(&token.chars().collect::<Vec<_>>())
    }

    /// [`Word::matches`] for a token already split into characters.
    fn matches_chars(&self, token: &[char]) -> bool {
        let word = &self.chars[..];
        let budget = usize::from(self.typos);
        if self.prefix {
            if token.starts_with(word) {
                return true;
            }
            if budget == 0 || token.len() + budget < word.len() {
                return false;
            }
            // The distance from the word to every start of the token, at once.
            let end = token.len().min(word.len() + budget);
            let last_row = edit_distances(word, &token[..end]);
            let shortest = word.len().saturating_sub(budget).max(1);
            (shortest..=end).any(|len| last_row[len] <= budget)
        } else {
            budget > 0
                && token.len().abs_diff(word.len()) <= budget
                && edit_distances(word, token)[token.len()] <= budget
        }
    }
}

/// Edits (insert, delete, replace, swap of neighbours) that turn `a` into
/// each start of `b`: entry `j` is the distance from `a` to `b[..j]`.
fn edit_distances(a: &[char], b: &[char]) -> Vec<usize> {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // One table, row by row: `d[i * width + j]` is the distance from a[..i] to b[..j].
    let mut d = vec![0usize; (n + 1) * width];
    for (j, cell) in d[..width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        d[i * width] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d.drain(..n * width);
    d
}

/// The words of a search, remembering which tokens matched them: tokens
/// repeat across the fields and results of a search, so each distinct token
/// is compared with the words once.
pub struct Matcher<'a> {
    words: &'a [Word],
    seen: HashMap<String, bool>,
}

impl<'a> Matcher<'a> {
    pub fn new(words: &'a [Word]) -> Matcher<'a> {
        Matcher {
            words,
            seen: HashMap::new(),
        }
    }

    /// Whether there are no words (a search that only browses).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether a normalised token matches one of the words.
    pub fn matches(&mut self, token: &str) -> bool {
        if let Some(matched) = self.seen.get(token) {
            return *matched;
        }
        let chars: Vec<char> = token.chars().collect();
        let matched = self
            .words
            .iter()
            .any(|w| token == w.text || w.matches_chars(&chars));
        self.seen.insert(token.to_string(), matched);
        matched
    }
}

/// The highlights of a result, as both engines choose them: the name and the
/// summary when the words are found there, then the first other searched
/// field where they are. `marked(field, excerpt)` marks one field's text,
/// cut to an excerpt when `excerpt` is true.
pub fn highlights(mut marked: impl FnMut(&str, bool) -> Option<Snippet>) -> Vec<Highlight> {
    let highlight = |field: &str, snippet| Highlight {
        field: field.to_string(),
        snippet,
    };
    let mut highlights: Vec<Highlight> = ["name", "summary"]
        .into_iter()
        .filter_map(|field| marked(field, false).map(|s| highlight(field, s)))
        .collect();
    highlights.extend(
        SEARCHED_FIELDS[2..]
            .iter()
            .find_map(|field| marked(field, true).map(|s| highlight(field, s))),
    );
    highlights
}

/// A token of a text: its byte range in the text and whether it matches a
/// word of the search ([`Matcher::matches`] on its normalised form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub from: usize,
    pub to: usize,
    pub matched: bool,
}

/// `text` with the tokens that match a word marked, or `None` if none does.
///
/// With `crop`, only about that many tokens around the first match are kept,
/// with "…" where text was cut.
pub fn mark(text: &str, tokens: &[Token], crop: Option<usize>) -> Option<Snippet> {
    let first = tokens.iter().position(|t| t.matched)?;
    let (start, end, cut_before, cut_after) = match crop {
        Some(window) if tokens.len() > window => {
            // A little context before the first match, the rest after it.
            let begin = first.saturating_sub(window / 4);
            let stop = (begin + window).min(tokens.len());
            let begin = stop.saturating_sub(window);
            (
                if begin == 0 { 0 } else { tokens[begin].from },
                if stop == tokens.len() {
                    text.len()
                } else {
                    tokens[stop - 1].to
                },
                begin > 0,
                stop < tokens.len(),
            )
        }
        _ => (0, text.len(), false, false),
    };
    let mut snippet = Snippet::new();
    let mut at = start;
    if cut_before {
        push(&mut snippet, "…", false);
    }
    for token in tokens {
        if !token.matched || token.from < start || token.to > end {
            continue;
        }
        push(&mut snippet, &text[at..token.from], false);
        push(&mut snippet, &text[token.from..token.to], true);
        at = token.to;
    }
    push(&mut snippet, &text[at..end], false);
    if cut_after {
        push(&mut snippet, "…", false);
    }
    Some(snippet)
}

/// Appends text to a snippet, joining it to the last fragment when both are alike.
fn push(snippet: &mut Snippet, text: &str, marked: bool) {
    if text.is_empty() {
        return;
    }
    match snippet.last_mut() {
        Some(last) if last.marked == marked && !marked => last.text.push_str(text),
        _ => snippet.push(Fragment {
            text: text.to_string(),
            marked,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, prefix: bool) -> Word {
        Word::new(text.into(), prefix)
    }

    #[test]
    fn typo_budgets_follow_meilisearch() {
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(8), 1);
        assert_eq!(typo_budget(9), 2);
    }

    #[test]
    fn words_match_with_typos_and_the_last_as_a_prefix() {
        assert!(word("recogntion", false).matches("recognition"));
        assert!(word("chatbott", false).matches("chatbot"));
        assert!(word("fraud", false).matches("farud"), "a swap is one typo");
        assert!(
            !word("tax", false).matches("tag"),
            "short words need to be exact"
        );
        assert!(!word("benef", false).matches("benefits"));
        assert!(word("benef", true).matches("benefits"));
        assert!(
            word("benfe", true).matches("benefits"),
            "a prefix may have a typo"
        );
        assert!(!word("prison", true).matches("passport"));
    }

    fn tokens(text: &str, words: &[Word]) -> Vec<Token> {
        let mut words = Matcher::new(words);
        let mut tokens = Vec::new();
        let mut from = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_alphanumeric(), from) {
                (true, None) => from = Some(at),
                (false, Some(start)) => {
                    tokens.push(Token {
                        from: start,
                        to: at,
                        matched: words.matches(&text[start..at].to_lowercase()),
                    });
                    from = None;
                }
                _ => {}
            }
        }
        tokens
    }

    #[test]
    fn marks_show_exactly_the_matched_words() {
        let text = "Flags Benefit claims for review.";
        let snippet = mark(text, &tokens(text, &[word("benefits", false)]), None).unwrap();
        let html = app::search::snippet_html(&snippet);
        assert_eq!(html, "Flags <mark>Benefit</mark> claims for review.");
        assert_eq!(
            mark(text, &tokens(text, &[word("taxes", false)]), None),
            None
        );
    }

    #[test]
    fn long_text_is_cropped_around_the_first_match() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let snippet = mark(text, &tokens(text, &[word("eight", false)]), Some(4)).unwrap();
        assert_eq!(
            app::search::snippet_html(&snippet),
            "…seven <mark>eight</mark> nine ten…"
        );
    }
}
