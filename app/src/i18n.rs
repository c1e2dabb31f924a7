//! The words of every page, in the reader's language.
//!
//! Every string a person reads comes from a message catalogue in
//! `app/locales/`: `en.ftl` is the source, and every other file translates it
//! key for key (a test holds them to it). The format is Fluent, Mozilla's
//! format for translators: plurals, variables and grammatical cases are the
//! translator's to write, not the code's. Lantern reads it with
//! `fluent-bundle`, the reference implementation, directly: `fluent-templates`
//! and `leptos_i18n` wrap the same crate with loaders, macros and language
//! switching of their own (more crates to compile, and a second way to choose
//! a language beside the address), where a register rendered on the server
//! needs one lookup function. A language is added by adding its catalogue
//! (`locales/fr.ftl`, listed by `build.rs`) and naming it in `LANTERN_LANGUAGES`.
//!
//! The language of a page is in its address (`/nl/systems/…`): the server
//! takes the prefix off, puts a [`PageLanguage`] in the request, and the shell
//! puts it in the page's context. Islands in the browser read the same from
//! `<html lang>` and the address.

mod format;
mod switcher;

pub use fluent_bundle::FluentValue;
pub use format::{Numbers, date_words, date_words_in, number};
pub use switcher::{LanguageAlternates, LanguageSwitcher, PageAddress, provide_page_language};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

/// Words from a catalogue: borrowed from it, or formatted with variables.
pub type Text = Cow<'static, str>;

/// Every shipped catalogue as (language code, Fluent text), English first.
const CATALOGUES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|(code, text)| format::bundle(code, text))
        .collect()
});

/// A language Lantern has a catalogue for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Language(usize);

impl Language {
    /// English: the catalogue every other one translates, and the words
    /// shown where a translation lacks a message.
    pub const SOURCE: Language = Language(0);

    /// The language with this code (`nl`), if Lantern ships its catalogue.
    pub fn parse(code: &str) -> Option<Language> {
        CATALOGUES
            .iter()
            .position(|(shipped, _)| *shipped == code)
            .map(Language)
    }

    /// Every language Lantern ships a catalogue for.
    pub fn shipped() -> impl Iterator<Item = Language> {
        (0..CATALOGUES.len()).map(Language)
    }

    /// Its code, as in addresses and `lang` attributes: `nl`.
    pub fn code(self) -> &'static str {
        CATALOGUES[self.0].0
    }

    /// Its name in itself (`Nederlands`), for the language switcher.
    pub fn name(self) -> Cow<'static, str> {
        message(self, "language-name", None)
    }

    /// Its name in `reader`'s language (`Dutch`), for notes about text shown in it.
    pub fn name_in(self, reader: Language) -> Cow<'static, str> {
        message(reader, &format!("language-{}", self.code()), None)
    }
}

/// The register's languages (`LANTERN_LANGUAGES`), its default first: the
/// language of addresses without a prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Languages(Arc<[Language]>);

impl Languages {
    /// Reads `en,nl`. Refused, with what is wrong: an empty list, a
    /// language named twice, or one Lantern has no catalogue for.
    pub fn parse(list: &str) -> Result<Languages, String> {
        let mut languages = Vec::new();
        for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let language = Language::parse(code).ok_or_else(|| {
                let shipped: Vec<_> = Language::shipped().map(Language::code).collect();
                format!(
                    "there is no catalogue for the language `{code}` (Lantern has: {})",
                    shipped.join(", ")
                )
            })?;
            if languages.contains(&language) {
                return Err(format!("the language `{code}` is named twice"));
            }
            languages.push(language);
        }
        if languages.is_empty() {
            return Err("name at least one language, e.g. en,nl".into());
        }
        Ok(Languages(languages.into()))
    }

    /// Every language Lantern has a catalogue for, English first: for
    /// checks that run where the register's own list is not at hand.
    pub fn every_shipped() -> Languages {
        Languages(Language::shipped().collect())
    }

    /// The language of addresses without a prefix.
    pub fn default_language(&self) -> Language {
        self.0[0]
    }

    /// Every language of the register, the default first.
    pub fn all(&self) -> &[Language] {
        &self.0
    }

    /// The register's language with this code, if it has it.
    pub fn get(&self, code: &str) -> Option<Language> {
        Language::parse(code).filter(|language| self.0.contains(language))
    }
}

impl Default for Languages {
    fn default() -> Self {
        Languages(Arc::new([Language::SOURCE]))
    }
}

/// The language a page is shown in, and whether its address says so
/// (`/nl/systems`) or the page was reached without a prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageLanguage {
    pub language: Language,
    pub in_address: bool,
}

impl PageLanguage {
    /// An address of the register as a link on this page: with this page's
    /// prefix when its own address has one (`/nl/systems`), as it is otherwise.
    /// Joined by hand, not by `format!`: a list of systems has hundreds of
    /// links, and the formatting machinery made a Dutch list cost 4% more
    /// instructions than the English one (`bench/languages.sh`).
    pub fn href(self, path: &str) -> String {
        if !self.in_address {
            return path.to_string();
        }
        let code = self.language.code();
        let mut href = String::with_capacity(1 + code.len() + path.len());
        href.push('/');
        href.push_str(code);
        href.push_str(path);
        href
    }
}

/// The language of the page being rendered.
pub fn page_language() -> PageLanguage {
    leptos::prelude::use_context::<PageLanguage>().unwrap_or_else(format::browser_page_language)
}

/// The language of the page being rendered.
pub fn language() -> Language {
    page_language().language
}

/// The `lang` of what agencies, auditors and moderators wrote (names,
/// summaries, sections), where the page is in another language: the
/// register's default language, in which records are written until they
/// carry translations of their own. `None` where the page is in it already.
pub fn record_lang() -> Option<&'static str> {
    let default = register_language();
    (language() != default).then(|| default.code())
}

/// The name of the language with the code `code` in the page's language
/// (`Dutch`), or the code itself where Lantern has no catalogue for it.
pub fn language_name(code: &str) -> String {
    Language::parse(code).map_or_else(|| code.to_string(), |l| l.name_in(language()).into_owned())
}

/// The register's default language: that of a record that names none.
pub fn register_language() -> Language {
    leptos::prelude::use_context::<Languages>()
        .map_or_else(format::browser_register_language, |languages| {
            languages.default_language()
        })
}

/// An address of the register as a link on the page being rendered: see [`PageLanguage::href`].
pub fn href(path: impl AsRef<str>) -> String {
    page_language().href(path.as_ref())
}

/// The message `key` (or `key.attribute`) in the page's language.
pub fn t(key: &str) -> Cow<'static, str> {
    message(language(), key, None)
}

/// The message `key` in the page's language, with its variables.
pub fn t_with(key: &str, args: &[(&str, FluentValue)]) -> Cow<'static, str> {
    t_with_in(language(), key, args)
}

/// The message `key` in `language`: for the server's checks, which run
/// outside any page and are told the language of the request.
pub fn t_in(language: Language, key: &str) -> Cow<'static, str> {
    message(language, key, None)
}

/// The message `key` in `language`, with its variables.
pub fn t_with_in(language: Language, key: &str, args: &[(&str, FluentValue)]) -> Cow<'static, str> {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    message(language, key, Some(&fluent_args))
}

/// A message whose `code` is written between backticks, as text with
/// `<code>` elements: every part is text, escaped like any other.
pub fn with_code(message: &str) -> impl leptos::IntoView + use<> {
    use leptos::prelude::*;
    message
        .split('`')
        .enumerate()
        .map(|(at, part)| {
            let part = part.to_string();
            if at % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}

/// Whether the English catalogue has the message `key` (or `key.attribute`):
/// for texts that some items have and others lack, such as a field's hint.
pub fn has_message(key: &str) -> bool {
    pattern(&BUNDLES[Language::SOURCE.0], key).is_some()
}

/// A page's `<title>`: `Page not found – Lantern`.
pub fn title(page: &str) -> String {
    t_with("page-title", &[("page", page.into())]).into_owned()
}

/// The message `key` in `language`; where that catalogue lacks it, the
/// English one. A key in no catalogue is a mistake in the code: it fails
/// tests (debug builds), and shows the key rather than nothing in release.
pub fn message(language: Language, key: &str, args: Option<&FluentArgs>) -> Cow<'static, str> {
    let bundles: &'static [FluentBundle<FluentResource>] = &BUNDLES;
    for bundle in [&bundles[language.0], &bundles[Language::SOURCE.0]] {
        if let Some(pattern) = pattern(bundle, key) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors);
        }
    }
    debug_assert!(false, "no message `{key}` in the catalogues");
    Cow::Owned(key.to_string())
}

/// The pattern of the message `key`, or of its attribute (`key.attribute`),
/// in one catalogue.
fn pattern<'a>(
    bundle: &'a FluentBundle<FluentResource>,
    key: &str,
) -> Option<&'a fluent_syntax::ast::Pattern<&'a str>> {
    match key.split_once('.') {
        Some((id, attribute)) => Some(bundle.get_message(id)?.get_attribute(attribute)?.value()),
        None => bundle.get_message(key)?.value(),
    }
}

/// The keys of a shipped catalogue, each message and each `message.attribute`:
/// for the test that every catalogue has every key of the English one.
pub fn keys(language: Language) -> Vec<String> {
    format::keys(CATALOGUES[language.0].1)
}

#[cfg(test)]
mod browser_catalogue;
#[cfg(test)]
mod tests;
