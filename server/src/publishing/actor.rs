//! Who is writing: a signed-in person, an agency's API token, or the terminal.

use crate::storage::{ApiToken, LogEntry};
use app::i18n::Language;
use app::record::{AgencySlug, Author, Role, SystemId};

/// Who is writing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in person.
    Account(Person),
    /// An agency's tool, with an API token.
    Token(ApiToken),
    /// Whoever runs `lantern` on the server (token commands).
    Terminal,
}

/// A signed-in person, as the workflow needs them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub agency: Option<AgencySlug>,
    /// The language of the page they work on: what the register's answers
    /// to them (problems, refusals, what was done) are written in.
    pub language: Language,
}

impl Person {
    /// The signed-in `account`, working on a page in `language`.
    pub fn new(account: &app::accounts::SignedInAccount, language: Language) -> Person {
        Person {
            id: account.id,
            email: account.email.clone(),
            name: account.name.clone(),
            role: account.role,
            agency: account.agency.clone(),
            language,
        }
    }
}

impl Actor {
    /// The catalogue's message `key` in the actor's language: what the
    /// register answers them.
    pub(crate) fn words(&self, key: &str) -> String {
        app::i18n::t_in(self.language(), key).into_owned()
    }

    /// The language the register answers the actor in: a person's page's;
    /// tools with a token and the terminal are answered in English.
    pub(crate) fn language(&self) -> Language {
        match self {
            Actor::Account(person) => person.language,
            Actor::Token(_) | Actor::Terminal => Language::SOURCE,
        }
    }

    /// How drafts remember their author.
    pub(super) fn author(&self) -> Author {
        match self {
            Actor::Account(person) => Author::Account(person.id),
            Actor::Token(token) => Author::Token(token.id),
            Actor::Terminal => Author::Terminal,
        }
    }

    /// The name shown as a draft's author.
    pub(super) fn name(&self) -> String {
        match self {
            Actor::Account(person) => person.name.clone(),
            Actor::Token(token) => format!("API token “{}”", token.label),
            Actor::Terminal => "the terminal".into(),
        }
    }

    /// The agency the actor writes for, if it writes for one.
    pub(crate) fn agency(&self) -> Option<&AgencySlug> {
        match self {
            Actor::Account(person) if person.role.belongs_to_agency() => person.agency.as_ref(),
            Actor::Token(token) => Some(&token.agency),
            _ => None,
        }
    }

    /// Whether the actor may write drafts of `agency`'s systems.
    pub(super) fn writes_for(&self, agency: &AgencySlug) -> bool {
        self.agency() == Some(agency)
    }

    /// The audit log's entry for something this actor did now.
    pub(crate) fn log(
        &self,
        action: &str,
        agency: Option<&AgencySlug>,
        system: Option<&SystemId>,
        detail: String,
    ) -> LogEntry {
        let (actor, acting_as) = match self {
            Actor::Account(person) => (person.email.clone(), person.role.as_str().to_string()),
            Actor::Token(token) => (
                format!("token {}", token.id),
                format!("token:{}", token.scope.as_str()),
            ),
            Actor::Terminal => ("terminal".into(), "terminal".into()),
        };
        LogEntry {
            id: 0,
            at: crate::clock::now(),
            actor,
            acting_as,
            agency: agency.map(|a| a.0.clone()),
            action: action.into(),
            system_id: system.map(|s| s.0.clone()),
            detail,
        }
    }
}
