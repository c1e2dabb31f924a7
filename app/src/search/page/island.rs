//! The search form as an island: in the browser it runs searches itself,
//! so results follow the reader's typing and choices.

use super::{SearchBody, agency_options, search_systems};
use crate::browser;
use crate::i18n::{href, t};
use crate::search::query::{Sort, SystemQuery, clean_words};
use crate::search::{AgencyNames, Facet, SearchResults};
use leptos::prelude::*;
use std::sync::Arc;

/// How a new query enters the browser's history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    /// A new entry: a choice the back button should undo.
    Push,
    /// The current entry changes: typing, letter by letter.
    Replace,
    /// Already there: back or forward.
    Keep,
}

/// What the island keeps between searches: every part is a signal or a
/// stored value, so the whole is `Copy` and each handler holds one.
#[derive(Clone, Copy)]
struct Searcher {
    query: RwSignal<SystemQuery>,
    /// The latest search run in the browser, once there is one.
    fresh: RwSignal<Option<(SystemQuery, Arc<SearchResults>)>>,
    /// The agency facet's labels, fetched with the first search in the browser.
    agencies: StoredValue<Option<AgencyNames>>,
    /// The server's rendering of the facets and results, removed after the
    /// first search in the browser.
    server_body: NodeRef<leptos::html::Div>,
    loading: RwSignal<bool>,
    /// Whether the last choice was made in the filters: they stay unfolded.
    chose_filter: StoredValue<bool>,
    /// Answers can arrive out of order; only the latest request's answer is shown.
    latest: StoredValue<u64>,
    typing: StoredValue<Option<browser::Timer>>,
    /// The control to give the focus back to once the results are redrawn.
    refocus: StoredValue<Option<String>>,
}

impl Searcher {
    fn new(query: SystemQuery) -> Searcher {
        Searcher {
            query: RwSignal::new(query),
            fresh: RwSignal::new(None),
            agencies: StoredValue::new(None),
            server_body: NodeRef::new(),
            loading: RwSignal::new(false),
            chose_filter: StoredValue::new(false),
            latest: StoredValue::new(0),
            typing: StoredValue::new(None),
            refocus: StoredValue::new(None),
        }
    }

    /// Runs `next` and shows its results, entering it in the history as asked.
    fn load(self, next: SystemQuery, history: History) {
        self.query.set(next.clone());
        self.loading.set(true);
        let ticket = self.latest.get_value() + 1;
        self.latest.set_value(ticket);
        leptos::task::spawn_local(async move {
            let answer = search_systems(next.to_params()).await;
            let names = match self.agencies.get_value() {
                Some(names) => Ok(names),
                None => agency_options().await,
            };
            if self.latest.get_value() != ticket {
                return;
            }
            match (answer, names) {
                (Ok(found), Ok(names)) => self.show(next, found, names, history),
                // Let the server render the page, errors and all.
                _ => browser::go_to(&next.url()),
            }
            self.loading.set(false);
        });
    }

    /// Puts the island's rendering of `found` where the results were.
    fn show(
        self,
        next: SystemQuery,
        found: Arc<SearchResults>,
        names: AgencyNames,
        history: History,
    ) {
        self.agencies.set_value(Some(names));
        // The server's facets and results leave the page for good: the
        // island's own rendering replaces them (same ids).
        browser::remove(self.server_body);
        self.fresh.set(Some((next.clone(), found)));
        if let Some(id) = self.refocus.get_value() {
            self.refocus.set_value(None);
            browser::focus_soon(id);
        }
        match history {
            History::Push => browser::push_url(&next.url()),
            History::Replace => browser::replace_url(&next.url()),
            History::Keep => {}
        }
    }

    fn stop_typing(self) {
        if let Some(timer) = self.typing.get_value() {
            timer.cancel();
        }
    }

    /// Words typed in the box: searched once the typing pauses.
    fn on_type(self, words: String) {
        self.stop_typing();
        self.typing.set_value(browser::after_pause(move || {
            let current = self.query.get_untracked();
            self.chose_filter.set_value(false);
            if current.q != clean_words(&words) {
                self.load(current.with_words(&words), History::Replace);
            }
        }));
    }

    /// The form sent (Enter or the Search button).
    fn on_submit(self, ev: leptos::ev::SubmitEvent) {
        ev.prevent_default();
        self.stop_typing();
        let words = browser::input_value("search-q");
        self.load(self.query.get_untracked().with_words(&words), History::Push);
    }

    /// A facet box ticked or the sort changed, in the server's part or the island's.
    fn on_change(self, ev: leptos::ev::Event) {
        let Some((name, value)) = browser::control_of(&ev) else {
            return;
        };
        let current = self.query.get_untracked();
        self.chose_filter.set_value(true);
        // An agency chosen from the list comes back as a ticked box.
        self.refocus.set_value(Some(if name == "sort" {
            "search-sort".to_string()
        } else {
            format!("facet-{name}-{value}")
        }));
        if name == "sort" {
            let sort = Sort::ALL
                .into_iter()
                .find(|s| s.as_str() == value)
                .unwrap_or_default();
            self.load(current.with_sort(sort), History::Push);
        } else if let Some(facet) = Facet::parse(&name)
            && !value.is_empty()
        {
            self.load(current.toggled(facet, &value), History::Push);
        }
    }
}

/// The search form, around the facets, results and page links.
///
/// The server renders everything: the facets and results come in as the
/// island's children, plain HTML that costs the page nothing to carry. In the
/// browser the island runs searches itself, so results follow the user's
/// typing and choices: after the first, its own rendering of the same
/// [`SearchBody`] takes the server's place.
#[island]
pub fn SystemSearch(query: SystemQuery, sends_mail: bool, children: Children) -> impl IntoView {
    // The results offer to follow the search by email when the register
    // sends mail: the island renders them too, so it needs to know.
    provide_context(crate::mail::SendsMail(sends_mail));
    // The words in the box change only by typing, or by going back or forward:
    // never under the user's fingers while they type.
    let words_shown = RwSignal::new(query.q.clone());
    let initial_words = query.q.clone();
    let searcher = Searcher::new(query);
    let Searcher {
        fresh,
        agencies,
        server_body,
        loading,
        chose_filter,
        ..
    } = searcher;
    let hydrated = RwSignal::new(false);
    // Effects run only in the browser, once the island is awake: tests wait for this.
    Effect::new(move |_| hydrated.set(true));
    browser::on_back_forward(move |search| {
        let (next, _) = SystemQuery::from_query_string(&search);
        words_shown.set(next.q.clone());
        searcher.load(next, History::Keep);
    });

    view! {
        // `try_get`: a client that goes away while its page renders disposes
        // these signals under the renderer's feet; then there is nothing to show.
        <div class="system-search" data-hydrated=move || hydrated.try_get().unwrap_or_default().to_string() on:change=move |ev| searcher.on_change(ev)>
            // The facets and sort sit outside this form but belong to it (their
            // `form` attribute), so one GET request carries words and filters.
            <form id="search-form" class="search-form" method="get" action=href("/systems") role="search" on:submit=move |ev| searcher.on_submit(ev)>
                <label for="search-q">{t("search-label")}</label>
                <p class="hint" id="search-q-hint">{t("search-hint")}</p>
                <div class="search-row">
                    <input type="search" id="search-q" name="q" maxlength="500" autocomplete="off"
                        aria-describedby="search-q-hint"
                        value=initial_words
                        prop:value=move || words_shown.try_get().unwrap_or_default()
                        on:input=move |ev| searcher.on_type(event_target_value(&ev))/>
                    <button type="submit">{t("search-button")}</button>
                </div>
            </form>
            <div class="search-body" aria-busy=move || loading.try_get().unwrap_or_default().to_string()>
                <div node_ref=server_body>{children()}</div>
                {move || fresh.try_get().flatten().map(|(query, results)| {
                    let agencies = agencies.get_value().unwrap_or_default();
                    let filters_open = chose_filter.get_value();
                    view! { <SearchBody query problems=Vec::new() results agencies filters_open/> }
                })}
            </div>
        </div>
    }
}
