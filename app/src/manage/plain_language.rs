//! How easy a text is to read, as advice for the editors who write a
//! record: never a reason to refuse it.
//!
//! English texts get the Flesch reading ease,
//! `206.835 − 1.015 × words per sentence − 84.6 × syllables per word`;
//! Dutch texts the Flesch–Douma score,
//! `206.835 − 0.93 × words per sentence − 77 × syllables per word`, which the
//! Dutch government's writing guides use for level B1. Both run from 0
//! (very hard) to 100 (very easy). Syllables are counted as groups of
//! vowels, which is close enough for advice. Long sentences (over 25
//! words in English, 20 in Dutch) and long words (five syllables or more)
//! are named, so the editor knows where to start.
//!
//! Markdown is read as text: headings and list items end a sentence,
//! links count by their words.

use serde::{Deserialize, Serialize};

/// Texts with fewer words are not scored: a score means little there.
pub const FEWEST_WORDS: usize = 12;
/// How many long sentences and long words are named.
const NAMED: usize = 3;
/// Words of this many syllables or more are long.
const LONG_WORD_SYLLABLES: usize = 5;

/// What the advice says about one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Readability {
    /// Reading ease, rounded and held to 0..=100.
    pub score: i64,
    pub sentences: usize,
    pub words: usize,
    /// How many sentences are longer than the language's limit.
    pub long_sentences: usize,
    /// The first of them, each shortened to its opening words.
    pub long_sentence_starts: Vec<String>,
    /// Long words, at most a few, each once.
    pub long_words: Vec<String>,
}

/// The longest sentence the advice leaves alone, in words.
pub fn sentence_limit(language: &str) -> usize {
    if language == "nl" { 20 } else { 25 }
}

/// Reading ease of `text` in `language` (a register language code; any
/// other than `nl` is read as English). `None` for a text shorter than
/// [`FEWEST_WORDS`].
pub fn readability(text: &str, language: &str) -> Option<Readability> {
    let dutch = language == "nl";
    let sentences = sentences(text);
    let words: Vec<&str> = sentences.iter().flatten().map(String::as_str).collect();
    if words.len() < FEWEST_WORDS {
        return None;
    }
    let syllable_count: usize = words.iter().map(|word| syllables(word, dutch)).sum();
    let per_sentence = words.len() as f64 / sentences.len() as f64;
    let per_word = syllable_count as f64 / words.len() as f64;
    let score = if dutch {
        206.835 - 0.93 * per_sentence - 77.0 * per_word
    } else {
        206.835 - 1.015 * per_sentence - 84.6 * per_word
    };
    let limit = sentence_limit(language);
    let long: Vec<&Vec<String>> = sentences.iter().filter(|s| s.len() > limit).collect();
    let mut long_words: Vec<String> = Vec::new();
    for word in &words {
        let word = word.to_lowercase();
        if syllables(&word, dutch) >= LONG_WORD_SYLLABLES
            && !long_words.contains(&word)
            && long_words.len() < NAMED
        {
            long_words.push(word);
        }
    }
    Some(Readability {
        score: (score.round() as i64).clamp(0, 100),
        sentences: sentences.len(),
        words: words.len(),
        long_sentences: long.len(),
        long_sentence_starts: long
            .iter()
            .take(NAMED)
            .map(|sentence| format!("{} …", sentence[..8].join(" ")))
            .collect(),
        long_words,
    })
}

/// The text's sentences, each as its words (without punctuation around them).
fn sentences(text: &str) -> Vec<Vec<String>> {
    let mut sentences = Vec::new();
    for block in blocks(text) {
        let mut sentence = Vec::new();
        for token in block.split_whitespace() {
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.is_empty() {
                sentence.push(word.to_string());
            }
            let ends = token
                .trim_end_matches(['"', '\'', ')', '”', '’', '*', '_'])
                .ends_with(['.', '!', '?', ';', ':']);
            if ends && !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
        }
        if !sentence.is_empty() {
            sentences.push(sentence);
        }
    }
    sentences
}

/// Markdown's blocks whose end is a sentence's end: paragraphs, headings
/// and list items. Link targets are left out.
fn blocks(text: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        let starts_block = trimmed.starts_with('#')
            || trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed.starts_with("+ ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if trimmed.is_empty() || starts_block {
            blocks.push(std::mem::take(&mut current));
        }
        current.push(' ');
        current.push_str(&without_link_targets(trimmed));
    }
    blocks.push(current);
    blocks.retain(|block| !block.trim().is_empty());
    blocks
}

/// `[the guidance](https://…)` → `[the guidance]`.
fn without_link_targets(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..=at]);
        rest = match rest[at..].find(')') {
            Some(end) => &rest[at + end + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Syllables of a word, counted as groups of vowels: in English less a
/// silent final `e`; in Dutch a vowel with a diaeresis (`ideeën`) starts a
/// new one. Numbers count as one.
pub fn syllables(word: &str, dutch: bool) -> usize {
    let word = word.to_lowercase();
    let is_vowel = |c: char| "aeiouyáéíóúàèìòùâêîôûäëïöü".contains(c);
    let mut count = 0;
    let mut in_vowels = false;
    for c in word.chars() {
        let diaeresis = dutch && "äëïöü".contains(c);
        if is_vowel(c) && (!in_vowels || diaeresis) {
            count += 1;
        }
        in_vowels = is_vowel(c);
    }
    if !dutch && count > 1 && word.ends_with('e') && !word.ends_with("le") && !word.ends_with("ee")
    {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_groups_of_vowels() {
        for (word, dutch, expected) in [
            ("tax", false, 1),
            ("office", false, 2),
            ("people", false, 2),
            ("decision", false, 3),
            ("information", false, 4),
            ("responsibilities", false, 6),
            ("belasting", true, 3),
            ("ideeën", true, 3),
            ("gegevensbescherming", true, 6),
            ("2026", false, 1),
        ] {
            assert_eq!(syllables(word, dutch), expected, "{word}");
        }
    }

    #[test]
    fn plain_english_scores_high_and_officialese_low() {
        let plain = "We use this tool to sort letters. It reads the first lines. \
                     Then it sends each letter to the right team. A person checks every result.";
        let plain = readability(plain, "en").unwrap();
        assert_eq!((plain.sentences, plain.words), (4, 26));
        assert!(plain.score >= 70, "{plain:?}");
        assert_eq!(plain.long_sentences, 0);

        let hard = "The organisational implementation of algorithmic prioritisation \
                    methodologies necessitates comprehensive institutional accountability \
                    considerations regarding proportionality, explicability and the \
                    administrative responsibilities of the operational departments concerned \
                    with individualised determinations.";
        let hard = readability(hard, "en").unwrap();
        assert_eq!(hard.sentences, 1);
        assert!(hard.score < 10, "{hard:?}");
        assert_eq!(hard.long_sentences, 1);
        assert_eq!(
            hard.long_sentence_starts,
            [
                "The organisational implementation of algorithmic prioritisation methodologies necessitates …"
            ]
        );
        assert_eq!(hard.long_words.len(), 3);
        assert!(hard.long_words.contains(&"organisational".to_string()));
    }

    #[test]
    fn dutch_is_scored_with_flesch_douma_and_a_shorter_limit() {
        let text = "Dit systeem helpt ons om aanvragen voor toeslagen sneller te behandelen. \
                    Een medewerker kijkt altijd naar de uitkomst en beslist zelf wat er gebeurt \
                    met de aanvraag van de burger die het aanvraagt.";
        let dutch = readability(text, "nl").unwrap();
        assert_eq!(dutch.sentences, 2);
        assert_eq!(dutch.long_sentences, 1, "{dutch:?}");
        assert!((40..=90).contains(&dutch.score), "{dutch:?}");
        // The same text read as English gets English weights.
        assert_ne!(readability(text, "en").unwrap().score, dutch.score);
    }

    #[test]
    fn markdown_headings_and_list_items_end_sentences_and_links_count_by_their_words() {
        let text = "## What it does\n\
                    - Reads the form\n\
                    - Checks the [guidance](https://example.org/a-very-long-address-here)\n\
                    - Sends a letter\n\n\
                    Nothing else happens. A person decides.";
        let found = readability(text, "en").unwrap();
        assert_eq!(found.sentences, 6, "{found:?}");
        assert_eq!(found.words, 18);
        assert!(found.long_words.is_empty(), "the address is not words");
    }

    #[test]
    fn short_texts_and_windows_line_endings() {
        assert_eq!(readability("Sorts letters.", "en"), None);
        assert_eq!(readability("", "en"), None);
        let windows = "We sort letters.\r\nA person checks them.\r\n\r\nNothing is decided by the tool alone, ever.";
        assert_eq!(readability(windows, "en").unwrap().sentences, 3);
    }
}
