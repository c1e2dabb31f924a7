# Lantern's words in English: the source every other catalogue translates.
# Keys are grouped by the page or part that shows them. Terms in { $name }
# are filled in by Lantern; translate the words around them.

## The language itself

language-name = English
language-en = English
language-nl = Dutch
# What groups the digits of a large number: 12,345.
number-thousands = ,
# A date as people write it; { $month } is one of the month names below.
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
count-systems = { $count ->
    [one] { $count } system
   *[other] { $count } systems
}

## Every page

site-name = Lantern
site-tagline = The public register of government AI systems
skip-to-main = Skip to main content
nav-main = Main
nav-systems = AI systems
nav-agencies = Agencies
nav-statistics = Statistics
statistics-lede = The state of the register at a glance: what it holds, how complete and current its records are, how many are independently audited, and how agencies answer the public. Each number links to the systems it counts.
statistics-from-agencies = { $count ->
    [one] { $count } agency.
   *[other] { $count } agencies.
}
statistics-agencies-unpublished = { $count ->
    [one] One agency has published nothing yet.
   *[other] { $count } agencies have published nothing yet.
}
statistics-audit-coverage = of high-risk systems (not retired) have a passed audit that is not overdue: { $covered } of { $count }.
statistics-audits-overdue = { $count ->
    [one] system is overdue for its next audit.
   *[other] systems are overdue for their next audit.
}
statistics-reviews-overdue = { $count ->
    [one] record is overdue for its agency's review.
   *[other] records are overdue for their agency's review.
}
statistics-average-completeness = of the fields expected of a record are filled, on average;
statistics-complete = { $count ->
    [one] { $count } record fills them all.
   *[other] { $count } records fill them all.
}
statistics-answered = of { $count } published questions and error reports answered; median time to answer: { $median }.
statistics-by-stage = Systems by stage
statistics-by-risk = Systems by risk level
statistics-by-technique = Systems by technique
statistics-by-topic = Systems by topic
statistics-over-time = New systems per month
statistics-over-time-desc = From { $first } to { $last }; the most in one month: { $most }.
statistics-months-table = The numbers per month
statistics-missing = Expected fields left empty
statistics-by-audit = Systems by latest audit
statistics-by-agency = Agencies
statistics-agencies-charted = The chart shows the { $count } agencies with the most systems; the table lists every agency.
statistics-chart-largest = The largest is { $label }, with { $count } of { $total } systems.
statistics-chart-empty = Nothing to show yet.
statistics-value = Value
statistics-average-completeness-short = Average completeness
# The heading of one agency's statistics page.
statistics-agency-heading = Statistics of { $agency }
statistics-whole-register = The whole register
# One agency's key figure: "4 systems published."
statistics-agency-systems = { $count ->
    [one] system published.
   *[other] systems published.
}
statistics-last-published = Last published
statistics-never = Never
statistics-counted-at = Counted at { $time }. The same numbers as open data:
nav-open-data = Open data
nav-manage = Manage
nav-sign-in = Sign in
language-switcher = Language
footer-about = Lantern publishes what government agencies report about the AI and algorithmic systems they use. Agencies are responsible for their records; audits are recorded by independent oversight bodies.
# The end of every page's title: "Page not found – Lantern".
page-title = { $page } – Lantern

not-found-title = Page not found
not-found-text = There is nothing at this address. If you typed it, check it is right; if you followed a link, the record may have a new address.
not-found-browse = Browse all AI systems
not-found-or = or
not-found-agencies = see the agencies
unavailable-title = Something went wrong
unavailable-heading = Sorry, something went wrong
unavailable-text = We could not read the register just now. Please try again in a few minutes.
loading-register = Loading the register…

## The home page

home-title = Lantern – the public register of government AI systems
home-heading = Which AI systems does your government use?
home-lede = Lantern is a public register of the AI and algorithmic systems that government agencies use. For every system, the agency that runs it publishes what it does, what data it uses, who checks it and how you can question a decision. Independent oversight bodies record their audits here.
home-browse = Browse all AI systems
# Shown as: "44 systems published by 12 agencies." with the numbers in bold.
home-totals-systems = { $count ->
    [one] system published by
   *[other] systems published by
}
home-totals-agencies = { $count ->
    [one] agency
   *[other] agencies
}
home-by-stage = By stage
home-by-risk = By risk level
home-by-audit = By latest audit
home-stage = Stage
home-risk = Risk level
home-audit = Latest audit
home-systems = Systems
home-recent = Recently updated
home-see-all = See all systems

## Closed sets: the labels of each stable name

stage-planned = Planned
stage-development = In development
stage-pilot = Pilot
stage-in_use = In use
stage-retired = Retired

risk_level-minimal = Minimal risk
risk_level-limited = Limited risk
risk_level-high = High risk
risk_level-prohibited = Prohibited
risk_level-unassessed = Not yet assessed

decision_role-informs_human = Informs a human who decides
decision_role-recommends = Recommends a decision to a human
decision_role-decides_with_review = Decides, with human review
decision_role-decides_alone = Decides without human review

technique-rules = Rules
technique-classical_ml = Classical machine learning
technique-nlp = Natural language processing
technique-computer_vision = Computer vision
technique-generative_ai = Generative AI
technique-agentic = Agentic AI
technique-other = Other

topic-benefits = Benefits
topic-health = Health
topic-tax = Tax
topic-law_enforcement = Law enforcement
topic-justice = Justice
topic-immigration = Immigration
topic-education = Education
topic-transport = Transport
topic-environment = Environment
topic-housing = Housing
topic-employment = Employment
topic-defence = Defence
topic-science = Science
topic-administration = Administration
topic-service_delivery = Service delivery
topic-other = Other

personal_data-none = No personal data
personal_data-pseudonymised = Pseudonymised personal data
personal_data-identified = Identifiable personal data

assessment_kind-dpia = Data protection impact assessment
assessment_kind-fria = Fundamental rights impact assessment
assessment_kind-aia = Algorithmic impact assessment
assessment_kind-algorithm_impact = Algorithm impact assessment
assessment_kind-other = Other assessment

audit_outcome-passed = Passed
audit_outcome-passed_with_findings = Passed with findings
audit_outcome-failed = Failed
audit_outcome-in_progress = Audit in progress

feedback_kind-question = Question
feedback_kind-error = Error report
feedback_kind-feedback = Feedback

comment_state-pending = Waiting for a moderator
comment_state-published = Published
comment_state-hidden = Hidden

hide_reason-spam = Spam
hide_reason-offensive = Offensive
hide_reason-personal_data = Personal data
hide_reason-off_topic = Off-topic

role-admin = Register admin
role-editor = Agency editor
role-approver = Agency approver
role-auditor = Auditor (oversight body)
role-moderator = Moderator

draft_state-editing = Being written
draft_state-submitted = Waiting for approval

write_state-draft = Saved as a draft
write_state-submitted = Waiting for approval
write_state-published = Published

token_scope-draft = Draft: writes drafts only
token_scope-publish = Publish: publishes what it writes
audit_outcome-none = Never audited
facet-personal-data-yes = Uses personal data
facet-personal-data-no = No personal data declared
facet-completeness-complete = All expected fields filled
facet-completeness-incomplete = Some expected fields missing
facet-review-overdue = Review overdue
facet-review-current = Reviewed on time
value-personal-data-not-stated = not stated
page-personal-data-not-stated = Not stated whether it holds personal data
hidden-flagged = Flagged by readers, waiting for a moderator

## Lists of systems

list-updated = Updated
list-key-facts = Key facts

## The fields of a record: label, the form's hint, what it holds (open data), what one entry of a list is called

field-agency_ref = Agency reference
    .hint = Your own reference, e.g. DHS-314. Optional.
    .description = The agency's own reference, e.g. `DHS-314`.
field-name = Name
    .hint = As the agency calls it; at most 200 characters.
    .description = What the system is called (at most 200 characters).
field-summary = Summary
    .hint = One paragraph in plain words for citizens: what it does and for whom. At most 500 characters.
    .description = One paragraph for citizens: what it does (plain text, at most 500 characters).
field-unit = Unit
    .hint = Bureau, team or department. Optional.
    .description = The bureau, team or department that runs it.
field-contact = Contact
    .hint = An email address or web address for questions. Optional.
    .description = A public email address or URL for questions about this system.
field-in_use_since = In use since
    .description = When it came into use: `YYYY-MM-DD`.
field-retired_on = Retired on
    .description = When it was retired: `YYYY-MM-DD`.
field-tags = Tags
    .hint = Separated by commas, e.g. fraud, benefits.
    .description = Free tags the agency adds to the topic.
    .entry = tag
field-supplier = Supplier
    .hint = The vendor, or “built in-house”. Optional.
    .description = The vendor, or "built in-house".
field-data = Data used
    .hint = Every data set the system uses. Leave a row empty to leave it out.
    .description = The data sets it uses.
    .entry = data set
field-assessments = Impact assessments
    .description = Impact assessments done.
    .entry = assessment
field-withheld = Withheld fields
    .hint = A field you do not publish must say why: the public sees the reason in its place.
    .description = The fields not published, each with the stated legal ground.
    .entry = withheld field
field-purpose = Purpose
    .hint = The problem it solves, why AI, the expected benefits.
    .description = The problem it solves, why AI, the expected benefits (markdown).
field-how_it_works = How it works
    .hint = Inputs, outputs, the model or rules, where it sits in the decision.
    .description = Inputs, outputs, the model or rules, where it sits in the decision (markdown).
field-human_oversight = Human oversight
    .hint = Who reviews its outputs, when, with what power.
    .description = Who reviews its outputs, when, with what power (markdown).
field-contest = How to question or appeal a decision
    .hint = How an affected person gets a human decision.
    .description = How an affected person can appeal or get a human decision (markdown).
field-explainability = How decisions are explained
    .hint = How a decision is explained to the person it affects.
    .description = How a decision is explained to the person it affects (markdown).
field-fairness = Fairness and bias testing
    .hint = Bias testing done, protected attributes, results.
    .description = Bias testing done, protected attributes, results (markdown).
field-risks = Risks and how they are managed
    .hint = What could go wrong, for whom, and what is done about it.
    .description = Risks and their mitigations (markdown).
field-legal_basis = Legal basis
    .hint = The law that allows it, with links.
    .description = The law that allows it (markdown).
field-stage = Stage
    .description = Where the system is in its life.
field-topic = Topic
    .description = The area of government it works in.
field-technique = Techniques
    .description = The kinds of technique it uses.
field-risk_level = Risk level
    .hint = As the EU AI Act classes it.
    .description = Risk class in the sense of the EU AI Act.
field-decision_role = Role in decisions
    .description = How far its output goes in a decision about a person.
field-not-stated = Not stated
form-part-what = What it is
form-part-where = Where it stands
form-part-how = How it works and how it is governed
results-found-in-agency = Agency
results-found-in-translation = In a translation
results-found-in = Found in
page-withheld = Withheld: { $reason }

## Searching systems (/systems)

search-lede = Search every AI and algorithmic system that agencies have published, or narrow the list with the filters.
search-loading = Loading systems…
search-unavailable = Search is unavailable at the moment
search-unavailable-text = Please try again in a few minutes. Meanwhile, every agency lists its systems on its own page, and the whole register can be downloaded as open data.
search-by-agency = Systems by agency
search-open-data = The register as open data
search-filter = Filter
search-sort = Sort by
search-apply = Apply filters
search-clear = Clear all
search-label = Search systems
search-hint = For example: benefits, facial recognition, a city or an agency
search-button = Search
search-problem = There is a problem with this search
search-show-all = Show all systems
search-none-found = No systems found
# Followed by a link to the words that did find systems.
search-closest = No system matches all of “{ $words }”. These are the systems for
search-quoted = “{ $words }”
search-beyond-last = There is no page { $page }: the results fill { $pages ->
    [one] { $pages } page.
   *[other] { $pages } pages.
}
search-first-page = Go to the first page
search-download = { $count ->
    [one] Download this result:
   *[other] Download these results, all pages:
}
search-for-spreadsheets = for spreadsheets
search-about-open-data = About the open data
search-for = Search for “{ $words }”
search-instead = { $count ->
    [one] instead ({ $count } system)
   *[other] instead ({ $count } systems)
}
search-check-spelling = Check the spelling, or try fewer or more general words.
search-unknown-value = “{ $value }” is not a { $facet } the register knows.
search-remove-filter = Remove the { $facet } filter
search-remove-filter-counted = Remove the { $facet } filter ({ $count } systems)
search-everywhere = Search all systems for “{ $words }”
search-no-match-filters = No system matches all of these filters.
search-no-match = No system matches “{ $words }”.
search-no-match-with-filters = No system matches “{ $words }” with these filters.
search-page = Page { $page }
search-pages = Pages
search-previous = Previous
search-next = Next
sort-relevance = Best match
sort-updated = Recently updated
sort-name = Name
sort-completeness = Least complete first
facet-agency = Agency
facet-stage = Stage
facet-risk_level = Risk level
facet-topic = Topic
facet-technique = Technique
facet-audit = Audit
facet-personal_data = Personal data
facet-completeness = Completeness
facet-missing = Missing from the record
facet-review = Review
facet-remove = Remove the filter
facet-chosen = Chosen filters
facet-another-agency = Another agency
facet-choose-agency = Choose an agency
query-too-many-filters = { $count } filter values were given; at most { $most } are accepted
query-page-beyond = page { $page } is beyond the first { $most } results; narrow the search with words or filters
query-words-too-long = the search text is { $length } characters long; it can be at most { $most }
query-sort-unknown = sort “{ $value }” is not one of: relevance, updated, name, completeness
query-page-not-a-number = page “{ $value }” is not a page number (a whole number from 1)
query-per-page-wrong = per_page “{ $value }” is not a whole number from 1 to { $most }
query-value-too-long = { $name } “{ $value }” is longer than { $most } characters

## A system's record (/systems/ID)

record-loading = Loading the record…
# Over a record read in another language than the page's, for want of a translation: "Not available in Dutch; shown in English."
record-not-translated = Not available in { $reader }; shown in { $original }.
# How complete a record is: of the fields its kind of system is expected to
# fill (by its risk level and its part in decisions), how many it fills.
# { $missing } lists the labels of the fields left empty.
record-completeness-all = All { $expected } expected fields filled.
record-completeness-missing = { $filled } of { $expected } expected fields filled; missing: { $missing }.
record-completeness-why = What is expected?

## The system form's advice, beside its save button

form-advice-heading = Check before you save
form-advice-plain = Plain language
form-advice-plain-what = Readers understand a record best in short sentences and everyday words. Each text should reach a reading ease of { $target } or more, on a scale from 0 (very hard) to 100 (very easy). This is advice: the form saves whatever it says.
form-advice-no-texts = No text is long enough to score yet.
# { $texts } texts were scored; { $hard } of them could be easier to read.
form-advice-texts = { $hard ->
    [0] { $texts ->
        [one] The text reads easily.
       *[other] All { $texts } texts read easily.
    }
    [one] One of { $texts } texts could be easier to read:
   *[other] { $hard } of { $texts } texts could be easier to read:
}
form-advice-ease = reading ease { $score }
form-advice-ease-low = reading ease { $score }, below { $target }
# { $start } is the opening words of the first long sentence, as the editor wrote them.
form-advice-long-sentences = { $count ->
    [one] one sentence is
   *[other] { $count } sentences are
} over { $limit } words, such as “{ $start }”
form-advice-long-words = long words: { $words }
record-review-overdue = Review overdue: the agency was due to review this record by { $date }.
record-review-why = When is a record reviewed?
record-review-by = due for review by
record-staff-audit = Record an audit of this system
record-staff-edit = Edit, publish or retire this record
record-title = { $name } – { $agency } – Lantern
record-title-error = Error: { $name } – { $agency } – Lantern
record-not-said = The agency has not said.
record-audit-line = { $outcome } by { $auditor } on { $date }.
record-audit-line-overdue = { $outcome } by { $auditor } on { $date }. The next audit is overdue.
record-no-audit-short = No independent audit has been recorded.
record-at-a-glance = At a glance
record-who-runs-it = Who runs it?
record-supplier = . Supplier: { $supplier }
record-decides = Does it decide about me?
record-audited = Has it been audited?
record-question-it = How do I question it?
record-contact = Contact
record-no-contact = The agency has not published a contact.
record-ask = Ask a question in public
record-not-published = The agency has not published this.
record-data-source = Source
record-data-sensitive = Sensitive attributes
record-no-assessment = No impact assessment has been published.
record-facts = Facts
record-agency-contact = Agency contact
record-record = Record
# Followed by the date it was published.
record-version = Version { $version }, published
record-reviewed = reviewed
record-history-link = See every version and what changed
record-permanent-id = Permanent id
record-as = This record as
record-no-audit = No independent audit of this system has been recorded. Only oversight bodies can record audits; agencies cannot mark their own systems as audited.
audit-outcome = Outcome
audit-by = Audited by
audit-date = Date
audit-next-due = Next audit due
audit-overdue = Audit overdue
audit-report = Report
audit-read-report = Read the audit report
audit-findings = Findings

## Agencies (/agencies, /agencies/SLUG)

agencies-lede = The government bodies that publish their AI systems in the register.
agencies-loading = Loading agencies…
agencies-count = { $count ->
    [one] { $count } agency
   *[other] { $count } agencies
}
agencies-answered = Questions answered
agency-loading = Loading the agency…
agency-jurisdiction = Jurisdiction
agency-median = Median time to answer
agency-statistics = Its systems by stage, risk, technique and topic, with charts
agency-answered-of = { $answered } of { $items }
agency-feed-title = Changes to { $agency }’s systems
agency-website = Website
agency-contact = Public contact
agency-published = Published systems
agency-answered = Questions and error reports answered
agency-follow = Follow its changes
agency-atom = Atom feed
agency-as-json = as JSON
agency-first-systems = { $shown } of its { $count } systems: those it describes first, the most recently updated first.
agency-see-all = See and filter all of them
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-moment = a minute or two

## A system's history (/systems/ID/history)

history-no-version = Version { $missing } does not exist: this system has versions 1 to { $latest }
history-loading = Loading the history…
history-bad-title = Versions not found
history-bad-heading = These versions cannot be compared
history-bad-text = Go back to the history and choose two versions from the lists.
history-title = History of { $name }
# Followed by the system's name, as a link.
history-of = History of
history-lede = Every version the agency published. Published versions never change: a correction is a new version.
history-versions = Published versions
history-caption = Published versions, newest first
history-version = Version
history-published = Published
history-what-changed = What changed
history-reviewed = Reviewed, no change:
history-compare-heading = Compare versions
history-older = Older version
history-newer = Newer version
history-compare = Compare
history-version-n = Version { $version }
history-from-to = Version { $from } → version { $to }
history-same = These two versions are the same.
history-changed = { $count ->
    [one] { $count } field changed.
   *[other] { $count } fields changed.
}
history-removed = Removed text is
history-struck = struck through
history-added = added text is
history-underlined = underlined

## Questions and answers on a record, and the form to ask

feedback-sent-published = Thank you. Your message is published below.
feedback-sent-pending = Thank you. A moderator will read your message before it appears here.
feedback-too-many = You have sent a lot of messages in the last hour. Please wait { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} and send it again.
feedback-check-honeypot = This message looks like it was sent by a program: the field “Leave this field empty” must be left empty.
feedback-check-kind = Choose what it is: a question, an error report or feedback
feedback-check-kind-unknown = “{ $kind }” is not a kind of message: use one of { $kinds }
feedback-check-body = Write your message
feedback-check-body-long = Your message is { $length } characters long: shorten it to { $most } or fewer
feedback-check-body-control = Your message must not contain control characters
feedback-check-links = Your message has { $count } links: keep it to { $most } or fewer
feedback-check-name-long = Your name must be { $most } characters or fewer
feedback-check-name-line = Your name must be one line without control characters or characters that reverse the text's direction
feedback-check-email = Enter an email address like name@example.org, or leave it empty
feedback-check-no-mail = This register does not send email, so it cannot take an address for a reply: leave it empty
feedback-check-duplicate = This message was already sent about this system today: it will not be sent twice
feedback-flagged = Thank you. A moderator will look at the comment you reported.
feedback-flag-reason = Choose a reason: one of { $names }
feedback-heading = Questions and answers
feedback-loading = Loading questions…
feedback-unavailable = The questions about this system cannot be shown right now.
feedback-none = Nobody has asked about this system yet.
feedback-moderation-pre = A moderator reads every message before it appears.
feedback-moderation-post = Messages appear at once; moderators remove abuse.
feedback-form-title = Ask a question or report an error
feedback-form-intro = The agency that runs this system answers questions and error reports here, in public.
feedback-form-no-personal = Do not write personal details such as your address, phone number or case number.
feedback-anonymous = A member of the public
feedback-official-answer = Official answer from { $agency }
feedback-updated = updated
feedback-report = Report this comment to a moderator
feedback-report-what = What is wrong with it?
feedback-report-button = Report it
feedback-kind = What is it?
feedback-kind-question = A question about this system
feedback-kind-error = An error in this record
feedback-body = Your message
feedback-body-hint = Up to 2,000 characters, plain text. At most 2 links.
feedback-name = Your name (optional)
feedback-name-hint = Shown with your message. Leave it empty to appear as “A member of the public”.
feedback-email = Your email address (optional)
feedback-email-hint = Only if you want a reply from the agency. It is never published, and it is deleted after { $days } days.
feedback-honeypot = Leave this field empty
feedback-send = Send
form-problem = There is a problem

## Signing in (/login)

sign-in-lede = For agency staff, auditors, moderators and register admins. Citizens need no account to read the register.
sign-in-email = Email address
sign-in-password = Password
sign-in-enter-email = Enter your email address
sign-in-enter-password = Enter your password
sign-in-wrong = The email or password is not right
sign-in-locked = Too many failed sign-ins for this email: try again after { $until }
sign-in-busy = Too many people are signing in at once: try again in a few seconds
sign-in-disabled = This account is disabled: ask a register admin
sign-in-too-many = Too many sign-in attempts from your network: try again in { $seconds } seconds

## Open data (/open-data). Words between `backticks` are shown as code: keep them as they are.

open-data-lede = Everything this register publishes is open data: take the whole register in one download, follow what changes, and cite any record by its stable id and version. No key, no sign-up.
open-data-on-this-page = On this page
open-data-download = Download the whole register
open-data-changes = Follow the changes
open-data-api = Ask the API
open-data-manners = Caching, limits and errors
open-data-dictionary = Data dictionary
open-data-completeness = How complete a record is
open-data-completeness-what = Each record says how many of the fields expected of its kind of system it fills; a field withheld with a reason counts as answered. The API and the JSON exports give it as `completeness`, the CSV in its last two columns.
open-data-completeness-always = Every record:
open-data-completeness-decides = Also, where the system recommends or takes decisions about people:
open-data-completeness-high-risk = Also, where the system is high-risk:
open-data-completeness-search = Search for records by it on the systems page or in the API: `completeness=incomplete`, `missing=contest` (records that do not say how to contest them), `sort=completeness` (least complete first).
open-data-review = When a record is reviewed
open-data-review-when = Every record has a review-by date: { $months ->
    [one] { $months } month
   *[other] { $months } months
} after its last version, { $high_risk_months ->
    [one] { $high_risk_months } month
   *[other] { $high_risk_months } months
} for a high-risk system (the register's administrators set these periods), or an earlier date its agency chose. The agency starts the period again by publishing a new version, or by confirming the record is still right (“reviewed, no change”, shown in its history and the changes feed). When the date passes first, the record says its review is overdue. A retired system is not reviewed.
open-data-review-data = The API and the exports give `review_by` and `review_overdue`; search with `review=overdue`.
open-data-download-what = Every published system, its current version, its agency and its latest audit, in id order. Drafts never appear, and a field an agency withholds is left out, with the reason in `withheld`.
open-data-export-json = one JSON document, `{"{"}"exported_at": …, "systems": […]{"}"}`
open-data-export-ndjson = one system per line, easy to stream and to keep in git
open-data-export-csv = one row per system for spreadsheets; lists are joined with “{ $separator }”; cells that a spreadsheet would run as a formula start with an apostrophe
open-data-command-line = From a copy of Lantern on your own machine, the same files come from the command line:
open-data-changes-what = Every publication, update, retirement and audit, oldest first, since a time or since the last change you saw:
open-data-changes-next = Each answer has a `next` link. Keep it, and ask it again tomorrow: you get exactly what came after, never a change twice and never one missed. `has_more` says whether to ask again at once.
open-data-feed-reader = In a feed reader:
open-data-feed-all = changes to the whole register
open-data-feed-agency = , or one agency’s feed, linked from its page (`/agencies/{"{"}slug{"}"}/feed.atom`).
open-data-api-systems = search and filter as on the systems page (`q`, `agency`, `stage`, `risk_level`, `topic`, `technique`, `audit`, `personal_data`, `completeness`, `missing`, `review`, `sort`), `limit` up to 500, and a `next` link
open-data-api-system = a record, its history, and any version as it was published
open-data-api-feedback = the public questions and the agency’s answers
open-data-api-agencies = who publishes, how many systems, how they answer
open-data-api-openapi = The API is described for machines in
open-data-api-schema = , and a system’s shape in
open-data-api-stable = Field names and the values of closed lists never change; new values are announced before they appear.
open-data-etag = Every answer has an `ETag`. Send it back as `If-None-Match` and an unchanged answer is a short `304 Not Modified`. Exports also give `Last-Modified`.
open-data-gzip = Ask with `Accept-Encoding: gzip` (curl’s `--compressed`) to download far less.
open-data-cors = Scripts in any web page may read the API (CORS is open for reading).
open-data-rate-limit = Each client may make a number of requests a minute; the `RateLimit` header says how many are left, and a `429` answer says in `Retry-After` how long to wait. For everything, download an export once instead of asking system by system.
open-data-errors = Every error is
open-data-errors-what = a stable code for programs, a sentence for people, and the parameter at fault.
open-data-may-be-absent = may be absent
open-data-dictionary-what = A system in the API and the JSON exports. Dates are `YYYY-MM-DD`; times are RFC 3339 in UTC; markdown fields are as the agency wrote them.
open-data-fields = Fields of a system
open-data-field = Field
open-data-type = Type
open-data-holds = What it holds
open-data-csv-columns = The CSV’s columns
open-data-csv-caption = Columns of export.csv
open-data-column = Column

## Manage: every page of /manage (for agency staff, auditors, moderators and admins)

manage-breadcrumb = Manage
# A page of /manage in the browser's tab: "Accounts – Manage – Lantern".
manage-page-title = { $page } – Manage – Lantern
manage-sign-in-first = Sign in to manage the register
manage-not-for-you = Not for your role
manage-not-for-you-why = This page is for another role.
manage-back = Back to Manage
manage-heading = Manage the register
manage-signed-in-as = Signed in as
manage-account = ({ $email }), { $role }.
manage-account-of = ({ $email }), { $role } of { $agency }.
manage-auditor-heading = Record an audit
manage-auditor-how = Open the record of the system you audited: its page has a link to record an audit.
manage-auditor-find = Find the system
manage-auditor-only = Only auditors can record audits; agencies cannot mark their own systems as audited.
manage-admin-heading = Run the register
manage-admin-agencies = Agencies
manage-admin-agencies-what = create agencies and set who must approve their drafts
manage-admin-accounts = Accounts
manage-admin-accounts-what = create accounts, give them roles, disable them, sign them out, set a new password
manage-admin-log = Audit log
manage-admin-log-what = every write to the register: who, when, what
manage-admin-feedback = Citizen feedback
manage-admin-feedback-what = the moderation queue
manage-admin-settings = Settings
manage-admin-settings-what = moderation, reports, email retention, the rate limit, review periods and plain language
manage-moderator-heading = Moderate citizen feedback
manage-moderator-queue = The moderation queue
manage-moderator-queue-what = comments waiting for you, and those readers reported.
manage-change-password = Change your password
manage-sign-out = Sign out
manage-waiting-for-you = Waiting for you
manage-waiting-pending = { $count ->
    [0] No comment waits for a moderator
    [one] { $count } comment waits for a moderator
   *[other] { $count } comments wait for a moderator
}
manage-waiting-flagged = { $count ->
    [0] No comment was reported by readers
    [one] { $count } comment was reported by readers
   *[other] { $count } comments were reported by readers
}
manage-desk-loading = Loading your agency’s records…
manage-rule-approval = Drafts are published once an approver who did not write them approves them.
manage-rule-no-approval = Editors and approvers publish drafts themselves.
manage-waiting-for-agency = Waiting for your agency
manage-waiting-questions = { $count ->
    [0] No question from the public waits for an answer
    [one] { $count } question from the public waits for an answer
   *[other] { $count } questions from the public wait for an answer
}
manage-waiting-approval = { $count ->
    [0] No draft waits for approval
    [one] { $count } draft waits for approval
   *[other] { $count } drafts wait for approval
}
manage-waiting-writing = { $count ->
    [0] No draft is being written
    [one] { $count } draft is being written
   *[other] { $count } drafts are being written
}
manage-waiting-reviews-overdue = { $count ->
    [0] No record is overdue for review
    [one] { $count } record is overdue for review
   *[other] { $count } records are overdue for review
}
manage-waiting-reviews-soon = { $count ->
    [0] No record is due for review in the next 30 days
    [one] { $count } record is due for review in the next 30 days
   *[other] { $count } records are due for review in the next 30 days
}
manage-reviews = Due for review
manage-no-reviews = No record is overdue for review or due in the next 30 days.
manage-reviews-how = A record is due for review a year after its last version or review (half a year if it is high-risk). Open it, check it is still right, and confirm so (“Reviewed, no change”) or publish a new version: the period starts again.
manage-review-overdue = review overdue since { $date }
manage-review-due = review due by { $date }
manage-tokens-link = API tokens
manage-tokens-what = for your agency’s own tools.
manage-add-system = Add a system
manage-import-link = Import your inventory
manage-drafts = Drafts
manage-no-drafts = No drafts.
manage-drafts-system = System
manage-drafts-state = State
manage-drafts-author = Last written by
manage-drafts-changed = Changed
manage-published = Published systems ({ $count })
manage-published-updated = updated { $date }

## Manage: the fields of its forms

# Every date field's hint: browsers show dates in the reader's own way, so give a date, not a format.
form-date-hint = For example 31 March 2025.
form-not-stated = Not stated
form-choose = Choose…
# A wrong field as the error summary names it (fields of a record use their label).
form-field-comment-note = Note on comment { $comment }
form-field-comment-confirm = Personal data check of comment { $comment }
form-field-comment-answer = Answer to comment { $comment }
form-field-confirm_retire = Confirm retirement
form-field-change_summary = What changed
form-field-audited_on = Date of the audit
form-field-outcome = Outcome
form-field-findings = Findings
form-field-report_url = Report web address
form-field-next_due = Next audit due
form-field-retired_on = Retired on
form-field-review_by = Review by
form-field-slug = Slug
form-field-email = Email address
form-field-role = Role
form-field-agency = Agency
form-field-password = Password
form-field-current_password = Current password
form-field-password_again = New password again
form-field-expires_in_days = Stops working
form-field-label = What it is for
form-field-scope = Scope
# The fields of one row of a list in the system form (a data set, an assessment, a withheld field).
form-row-name = Name
form-row-description = Description
form-row-source = Source
form-row-personal_data = Personal data
form-row-sensitive_attributes = Sensitive attributes
form-row-sensitive_attributes-hint = Separated by commas, e.g. age, ethnicity.
form-row-kind = Kind
form-row-date = Date
form-row-url = Web address
form-row-url-hint = Where the assessment can be read.
form-row-field = Field
form-row-reason = Reason
form-row-reason-hint = The legal ground, e.g. “Law enforcement exemption, section 31”.

## Manage: the system form (/manage/systems/new, /manage/systems/…/edit)

manage-form-loading = Loading the record…
manage-form-edit = Edit { $name }
manage-form-lede = Saving keeps a draft: nothing is public until it is published.
manage-form-save = Save draft
manage-form-this-change = This change
manage-form-change-summary-hint = One line for the public history, e.g. “Added the fairness test results”.
manage-form-markdown-hint = Markdown: **bold**, *italic*, lists, [links](https://…).
# The button under a list: "Add another data set".
manage-form-add-another = Add another { $entry }
manage-form-preview = Preview
manage-form-languages = Languages
manage-form-language = Language of the record
manage-form-language-hint = The language your agency writes this record in.
# A group of fields for one language: "Translation into Dutch".
manage-form-translation = Translation into { $language }
manage-form-translation-hint = Write what your agency has translated; leave the rest empty. Readers of this language read the original where a text is empty. Nothing is translated by machine.

## Manage: a system's workflow page (/manage/systems/…)

manage-desk-published = Published: version { $version }.
manage-desk-public-page = Public page
manage-desk-history = History
manage-desk-not-published = Not published yet: only your agency can see this system.
manage-desk-draft-submitted = Draft waiting for an approver
manage-desk-draft-writing = Draft being written
# Follows "Draft being written" directly.
manage-desk-draft-written = , last written by { $author } on { $date }.
manage-desk-what-changed = What changed:
manage-desk-preview = Preview of the draft
manage-desk-preview-what = Exactly as the public page will show it once published.
manage-desk-edit-draft = Edit the draft
manage-desk-edit-record = Edit the record
manage-desk-actions = What you can do
manage-desk-publish = Publish the draft
manage-desk-submit-why = Your agency publishes drafts once an approver who did not write them approves them.
manage-desk-submit = Submit for approval
manage-desk-approve = Approve and publish
manage-desk-own-draft = You wrote this draft: another approver must approve it.
manage-desk-discard = Discard the draft
manage-desk-review = Reviewed, no change
manage-desk-review-what = If you checked the published record and it is still right as it stands, say so: its review period starts again, and its history and the changes feed show it was reviewed. To change anything, edit the record instead.
manage-desk-review-button = Confirm it is still right
# { $date } is a date in words: "4 June 2027".
manage-desk-review-due = Due for review by { $date }.
manage-desk-review-date = Review earlier
manage-desk-review-date-what = Choose a date before the register's review date if this record should be reviewed sooner, for example when the system changes soon. Leave it empty and save to go back to the register's date.
manage-desk-review-date-button = Set the review date
manage-desk-retire = Retire this system
manage-desk-retire-confirm = Yes, retire “{ $name }”: its record stays public, marked retired from this date
manage-audit-recorded-as = Recorded as { $name }. The public page shows the latest audit.
manage-audit-markdown = Markdown is allowed.
manage-audit-record = Record the audit

## Errors: what a page or the API says when something cannot be done (by the error's code)

error-not_found = Nothing exists at this address: no such system, agency, draft, import or token.
error-forbidden = You may not do this: it belongs to another agency, or is beyond what your role or token allows.
error-unauthorized = Please sign in first, or send an agency's API token.
error-invalid_field = Some fields are not right: each is named with its problem.
error-too_many_requests = Too many requests: wait a moment and try again.
error-search_unavailable = Search is unavailable at the moment: please try again in a few minutes. Record pages, agencies and the open data still work.
error-internal = Something went wrong on our side: please try again later.

## Manage: what its forms answer

form-too-large = This form is too large to read (over 1 MiB): shorten the longest texts and send it again.
form-expired = This form has expired or did not come from Lantern: go back, reload the page and try again.

## Checks: what is wrong with a record, an audit or an account as it was sent (forms and the write API)

check-json-object = Send the system as a JSON object
check-not-a-field = “{ $key }” is not a field of a system
check-not-a-field-here = “{ $key }” is not a field here
check-agency-slug = Use the agency's slug: lower-case letters, digits and hyphens
# { $names } lists the allowed values, as the API names them or as the form labels them.
check-choose-one-of = Choose one of: { $names }
check-not-one-of = “{ $text }” is not one of: { $names }
check-not-empty = Must not be empty
check-text = Must be text
check-too-long = Must be at most { $max } characters
check-too-long-has = Must be at most { $max } characters (it has { $chars })
check-contact = Must be an email address or a web address starting with https://
check-url = Must be a web address starting with https:// or http://
check-date = Must be a date written YYYY-MM-DD, like 2025-03-31
check-real-date = Must be a date that exists, like 31 March 2025
check-list = Must be a list
check-list-too-long = Must have at most { $max } entries
check-object = Must be an object
check-cannot-withhold = “{ $field }” cannot be withheld; these can: { $names }
check-withheld-twice = “{ $field }” is already withheld above
check-retired-before = Must not be before the date it came into use
check-one-line = Must be one line without control characters
check-bidi = Must not contain characters that reverse the direction of text (U+202A–U+202E, U+2066–U+2069)
check-control = Must not contain control characters
check-audit-date = Enter the date of the audit
check-audit-next-due = Must be after the date of the audit
check-email = Enter an email address like name@agency.gov
check-account-name = Enter a name of 1 to 200 characters
check-account-needs-agency = An account with the role { $role } belongs to an agency: give its slug
check-account-no-agency = An account with the role { $role } has no agency
check-password-short = Use a password of at least { $limit } characters
check-password-long = Use a password of at most { $limit } bytes
# The system form names choices by the labels it shows.
check-form-topic = Choose the topic closest to what the system is for
check-form-or-unstated = Choose one from the list, or “Not stated”
check-form-tick = Tick the ones it uses from the list
check-form-field = Choose a field from the list
check-not-a-language = “{ $code }” is not a language of this register: { $names }
check-translation-original = The record is written in “{ $language }”: a translation is into another language
check-not-translatable = “{ $key }” cannot be translated; these can: { $names }

## Manage: what a draft's steps answer when they cannot be taken

steps-no-draft-to-submit = This system has no draft to submit
steps-no-draft-to-discard = This system has no draft to discard
steps-no-draft-waiting = This system has no draft waiting for approval
steps-retired-on = Enter the date the system was retired
steps-already-retired = This system is already retired
steps-retired-not-reviewed = A retired system is not reviewed
steps-review-date-past = Choose a review date after today
# { $date } is the register's own review date for the record, in words.
steps-review-date-later = Choose a date before { $date }, the register's own review date for this record; to keep that date, leave the field empty
steps-confirm-retire = Tick the box to confirm that this system is retired
steps-retire-draft = This system has a draft: publish it first, or set its stage to retired in the draft


## Moderation queue (/manage/feedback)

# In the browser's tab: "Moderation – Manage – Lantern".
moderation-title = Moderation
moderation-heading = Citizen feedback
moderation-loading = Loading the queue…
# The name of the queue's tabs, for screen readers.
moderation-filters = Which comments
# The queue's tabs, each followed by its count: "Waiting (2)".
moderation-filter-pending = Waiting
moderation-filter-flagged = Flagged
moderation-filter-hidden = Hidden
moderation-filter-published = Published
moderation-empty-pending = Nothing here: no comment is waiting.
moderation-empty-flagged = Nothing here: no comment is flagged.
moderation-empty-hidden = Nothing here: no comment is hidden.
moderation-empty-published = Nothing here: no comment is published.
moderation-count-all = { $count ->
    [one] { $count } comment.
   *[other] { $count } comments, newest first.
}
# The queue shows the newest 200 of more.
moderation-count-newest = The newest { $shown } of { $count } comments.
moderation-no-name = No name given
# A comment's heading, followed by the system's name as a link: "Question on Benefit fraud scoring".
moderation-kind-on = { $kind } on
# Under a comment's heading: who sent it, when, and the agency that owns the system.
moderation-meta = { $name } · sent { $date } · { $agency }
moderation-hidden = Hidden: { $reason }
# { $note } is what the moderator who hid it wrote for other moderators.
moderation-hidden-note = Hidden: { $reason } ({ $note })
# { $reasons } is the list of reasons readers gave, e.g. "Spam, Offensive".
moderation-reported = { $count ->
    [one] Reported by a reader once: { $reasons }
   *[other] Reported by readers { $count } times: { $reasons }
}
moderation-personal-data = It may contain personal data (an email address or a phone number).
moderation-wants-reply = The sender left an email address for a reply.
moderation-confirm-personal-data = I have read it: it holds no personal data, or only what its sender meant to make public
moderation-publish = Publish
moderation-keep-published = Keep it published
moderation-hide = Hide it
# Hiding a comment that is published.
moderation-take-down = Take it down
moderation-reason = Reason
moderation-note = Note for other moderators (optional)
# Refused forms; { $reasons } is the list of reasons, e.g. "Spam, Offensive, Personal data, Off-topic".
moderation-choose-decision = Choose to publish the comment, or to hide it with one of these reasons: { $reasons }.
moderation-check-personal-data = It may contain personal data: read it, then tick that it holds none before publishing it
moderation-check-note-long = The note must be { $most } characters or fewer
moderation-check-note-line = The note must be one line without control characters
# What the queue says after a decision: "Published comment 12 (Question on Benefit fraud scoring)."
moderation-done-published = Published comment { $comment } ({ $kind } on { $system }).
# { $reason } is the reason chosen, in lower case: "Hid comment 12 (Question on Benefit fraud scoring): spam."
moderation-done-hidden = Hid comment { $comment } ({ $kind } on { $system }): { $reason }.
moderation-done-taken-down = Took down comment { $comment } ({ $kind } on { $system }): { $reason }.

## Questions from the public, for the agency that answers them (/manage/answers)

answers-heading = Questions from the public
answers-lede = Questions and error reports about your agency’s systems, once a moderator has published them. Your answer appears under the question as your agency’s official answer.
answers-waiting = { $count } waiting for an answer.
answers-stats = { $answered } of { $items } answered.
# { $median } is a duration: "3 days".
answers-stats-median = { $answered } of { $items } answered, answered in a median of { $median }.
answers-none = Nobody has asked about your agency’s systems yet.
# Under a question's heading: who asked, when it was published, and { $status } (one of the two below).
answers-meta = { $name } · published { $date } · { $status }
answers-answered-on = Answered on { $date }
# { $duration } is how long it has waited: "3 days".
answers-waiting-for = Waiting { $duration }
answers-your-answer = Your agency’s answer
answers-answer = Answer
answers-update = Update the answer
answers-publish = Publish the answer
answers-only-published = Only published questions and error reports can be answered.
answers-check-empty = Write the answer
answers-check-long = The answer is { $length } characters long: shorten it to { $most } or fewer
answers-check-control = The answer must not contain control characters

## The register's settings, for admins (/manage/settings)

settings-heading = Settings
settings-loading = Loading the settings…
settings-when = When do comments appear?
settings-pre = After a moderator approves them (pre-moderation)
settings-post = At once; moderators review them afterwards (post-moderation). A comment that seems to hold personal data still waits for a moderator.
settings-flags-to-hide = Reports that hide a comment
settings-flags-to-hide-hint = Reports from this many readers hide a published comment until a moderator looks at it.
settings-email-retention = Days to keep a reply email
settings-email-retention-hint = Email addresses left for a reply are deleted after this many days.
settings-submissions = Messages per reader per hour
settings-submissions-hint = Comments and reports one reader may send in an hour.
settings-save = Save the settings
# The settings now in force. { $moderation } is "pre" or "post"; { $kept } is a duration: "90 days".
settings-now = Now: comments appear { $moderation ->
    [pre] after approval
   *[other] at once
}; { $flags ->
    [one] { $flags } report hides
   *[other] { $flags } reports hide
} a comment; emails are kept { $kept }; a reader may send { $messages ->
    [one] { $messages } message
   *[other] { $messages } messages
} an hour.
settings-check-moderation = Choose pre or post moderation
# { $label } is one of the three settings above: "Reports that hide a comment must be a whole number from 1 to 100".
settings-check-number = { $label } must be a whole number from { $from } to { $to }
settings-feedback = Citizen feedback
settings-oversight = Reviews and plain language
settings-review-months = Months before a record is due for review
settings-review-months-hint = Counted from the record's last version or review. An agency may set an earlier date for one of its records.
settings-high-risk-review-months = Months before a high-risk record is due for review
settings-high-risk-review-months-hint = The same for high-risk and prohibited systems. A change moves every record's review date within a few minutes.
settings-reading-ease = Reading ease to aim for
settings-reading-ease-hint = From 0 (very hard) to 100 (very easy). The system form advises editors when a text scores lower: Flesch reading ease for English, Flesch–Douma for Dutch. 60 is plain English, and about level B1 in Dutch.
settings-now-oversight = Now: a record is due for review { $months ->
    [one] { $months } month
   *[other] { $months } months
} after its last version or review ({ $high_risk_months ->
    [one] { $high_risk_months } month
   *[other] { $high_risk_months } months
} when high-risk); texts should reach a reading ease of { $ease }.


## Manage: API tokens (/manage/tokens)

# Words between `backticks` are shown as code: keep them as they are.
tokens-lede = Tokens let your agency’s own tools write to the register through the API, as `Authorization: Bearer …`. A draft token writes drafts only; a publish token publishes (or submits for approval, where your agency requires it).
tokens-created = Token { $id } created
tokens-copy-now = Copy it now: it is shown only this once, and Lantern keeps only a fingerprint of it.
tokens-create-heading = Create a token
tokens-label-hint = For example “Inventory sync”.
tokens-expires-never = When it is revoked
tokens-expires-30 = After 30 days
tokens-expires-90 = After 90 days
tokens-expires-365 = After a year
tokens-create = Create token
tokens-yours = Your agency’s tokens
tokens-loading = Loading your agency’s tokens…
tokens-none = None yet.
# The columns of the list of tokens.
tokens-id = Id
tokens-for = For
tokens-created-column = Created
tokens-last-used = Last used
tokens-expires = Expires
tokens-state = State
# A token's scope in the list: what it may do.
tokens-scope-short = { $scope ->
    [publish] Publish
   *[draft] Draft
}
# When and by whom a token was created: "3 March 2026 by name@agency.gov".
tokens-created-by = { $date } by { $email }
# Never used, or never expires.
tokens-never = never
tokens-revoked = Revoked { $date }
tokens-expired = Expired
tokens-revoke = Revoke token { $id }
tokens-check-scope = Choose draft or publish
tokens-check-expiry = Choose when the token stops working: a number of days from 1 to 3650, or never
tokens-check-label = Use at most 100 characters on one line

## Manage: agencies (/manage/agencies)

admin-agencies-approval = Approval
admin-agencies-required = Required
admin-agencies-not-required = Not required
# Buttons; { $slug } is the agency's slug, e.g. tax-office.
admin-agencies-stop-requiring = Stop requiring approval ({ $slug })
admin-agencies-require = Require approval ({ $slug })
admin-agencies-create-heading = Create an agency
admin-agencies-slug-hint = Lower-case letters, digits and hyphens; used in addresses. It never changes.
admin-agencies-name = Name
admin-agencies-jurisdiction-hint = For example “Republic of Northvale”.
admin-agencies-contact-hint = An email address or web address.
admin-agencies-description = Description
admin-agencies-requires-approval = Drafts need an approver’s approval
admin-agencies-create = Create agency
admin-agencies-check-slug = Use 1 to 64 lower-case letters, digits and hyphens, like tax-office
admin-agencies-check-website = Must be a web address starting with https://
admin-agencies-taken = An agency with the slug { $slug } already exists

## Manage: the audit log (/manage/log). What each entry did is kept in English.

admin-log-lede = Every write to the register: who, acting as what, when, and what they did.
admin-log-loading = Loading the audit log…
admin-log-when = When (UTC)
admin-log-who = Who
admin-log-as = As
admin-log-what = What
admin-log-older = Older entries
# Who wrote: an agency's API token, by its number.
admin-log-token = API token { $id }
# Written as: an agency's API token, by what it may do.
admin-log-as-token = { $scope ->
    [publish] API token that publishes
   *[draft] API token for drafts
}
# The `lantern` command on the server's own machine.
admin-log-terminal = Terminal

## Manage: accounts (/manage/accounts) and one's own password (/manage/password)

accounts-loading = Loading the accounts…
accounts-create-heading = Create an account
accounts-name = Name
accounts-name-hint = Shown on what the account writes; for an auditor, the oversight body.
accounts-agency = Agency slug
accounts-agency-hint = For editors and approvers only.
accounts-first-password = First password
accounts-first-password-hint = At least 12 characters. Give it to the person in a safe way.
accounts-create = Create account
# An account in the list: "Eda · Agency editor of tax-office · created 3 March 2026 · active · 1 live session".
accounts-facts = { $name } · { $role } · created { $date } · { $state } · { $sessions }
accounts-role-of = { $role } of { $agency }
accounts-active = active
accounts-disabled-since = disabled since { $date }
accounts-sessions = { $count ->
    [0] not signed in
    [one] { $count } live session
   *[other] { $count } live sessions
}
accounts-enable = Enable { $email }
accounts-disable = Disable { $email }
accounts-sign-out = Sign out { $email }
accounts-new-password-for = New password for { $email }
accounts-set-password = Set password
# What was done, said at the top of the page. { $count } is how many sessions ended.
accounts-password-set = Set a new password for { $email }; { $count ->
    [one] { $count } session ended.
   *[other] { $count } sessions ended.
}
accounts-disabled = Disabled { $email }: it cannot sign in, and { $count ->
    [one] { $count } session ended.
   *[other] { $count } sessions ended.
}
accounts-enabled = Enabled { $email }: it can sign in again.
accounts-signed-out = Signed out { $email }: { $count ->
    [one] { $count } session ended.
   *[other] { $count } sessions ended.
}
accounts-cannot-disable-self = You cannot disable your own account; another admin can
accounts-password-title = Your password
accounts-password-lede = Your other sessions (other browsers, other devices) end when you change it; this one stays.
accounts-new-password = New password
accounts-new-password-hint = At least 12 characters.
accounts-change-password = Change password
accounts-check-passwords-differ = The two new passwords differ
accounts-check-current-password = This is not your current password
accounts-password-changed = Your password is changed. { $count ->
    [one] { $count } other session ended; this one goes on.
   *[other] { $count } other sessions ended; this one goes on.
}

## Manage: importing an inventory (/manage/import)

import-title = Import
import-done-heading = Imported { $file }
import-done = { $published ->
    [one] { $published } system published
   *[other] { $published } systems published
}, { $submitted } submitted for approval.
import-back = Back to your agency’s records
import-lede = Upload the inventory you already keep. You see what it would change before anything is written; then the whole file is written at once, or nothing.
import-format = Format
import-format-us = US federal AI use case inventory 2025 (CSV, 36 columns)
# Words between `backticks` are shown as code: keep them as they are.
import-format-json = Lantern JSON: `{"{"}"systems": […]{"}"}`, each system as the API takes it
import-file = File
import-file-hint = Rows of other agencies are reported, not imported. At most 32 MB.
import-preview-button = Preview the import
import-preview-heading = Preview of { $file }
import-would-do = What importing would do
import-new-systems = New systems
import-changed-systems = Changed systems (a new version each)
import-unchanged = Unchanged
import-with-problems = Rows with problems (not imported)
import-other-agencies = Rows of other agencies (not imported)
import-confirm = { $count ->
    [one] Import { $count } system
   *[other] Import { $count } systems
}
import-cancel = Cancel
import-nothing = Nothing to import: every row is unchanged or rejected.
import-upload-another = Upload another file
import-new = New
import-changed = Changed
# A system in the file, by its row: "Row 12: Benefit fraud detector".
import-row = Row { $row }: { $name }
import-problems = Rows with problems
import-problems-fix = Fix these in the file and upload it again; the other rows can be imported now.
import-other-agencies-count = Rows of other agencies ({ $count })
import-other-agencies-why = Only your agency’s rows are imported; these belong to others.
# After a reason: "5 rows: 2–5, 9". { $rows } lists row numbers and ranges.
import-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}: { $rows }
# When a list of rows is cut short: "2–5, 9, 11 and 40 more".
import-rows-more = { $rows } and { $count } more
# Why rows were not imported. { $agency } is another agency's name, { $slug } its slug.
import-not-your-agency = { $agency } ({ $slug }), not your agency
import-id-of-another-agency = the system of this id belongs to another agency
import-now-elsewhere = Row { $row }: the system { $id } now belongs to another agency; nothing was imported
import-check-file = Choose a file to import
import-check-format = Choose us-omb-2025 or lantern-json
# { $problem } says what is wrong with the file (an import-file-* message).
import-cannot-import = This file cannot be imported: { $problem }
import-not-multipart = Send the import as a file upload (multipart/form-data).
import-too-large = This file is too large or could not be read: files of up to 32 MB can be imported.
# What is wrong with a file or one of its rows. Column names (agency,
# use_case_name, development_stage…) and the values the format allows are
# the format's own words: keep them as they are.
import-file-empty = the file is empty
import-file-not-text = the file is not text (it is binary or not UTF-8), so it is not a us-omb-2025 CSV file
import-file-wrong-columns = the file is not a us-omb-2025 CSV file: { $problems }
import-file-missing-columns = missing columns: { $columns }
import-file-unexpected-columns = unexpected columns: { $columns }
import-file-more-columns = and { $count } more
import-file-csv = the CSV could not be read: { $problem }
import-file-not-json = the file is not JSON: { $problem }
import-file-no-systems = the file is not in Lantern’s JSON format: it needs a "systems" list at the top
import-row-not-csv = could not be read as CSV: { $problem }
import-row-cells = has { $cells } cells; this format has { $columns }
import-row-duplicate = exact duplicate of row { $row }
import-row-id-taken = id “{ $id }” of agency { $agency } is already used by row { $row } with different content; fix the id in the source
import-row-no-agency = agency is blank: every system needs an owning agency
import-row-agency-slug = agency “{ $agency }” cannot be made into a slug
import-row-no-name = use_case_name is blank: every system needs a name
import-row-stage = development_stage “{ $value }” is not one of: Pre-deployment, Pilot, Deployed, Retired
import-row-high-impact = is_high_impact “{ $value }” is not one of: High-impact, Presumed High-Impact, but Not High-impact, Not High-impact
import-row-not-object = not a JSON object
import-row-id = id: Must be 1 to 64 lower-case letters, digits and hyphens, like 7k2m9x4q1b3c
import-row-agency-missing = agency: give the slug of the agency the system belongs to
import-row-agency-unknown = agency: no agency has the slug “{ $slug }”
import-row-no-reference = a new system needs an "agency_ref" (or the "id" of a system the register has), so that importing again finds it

## Atom feeds of the changes (/feeds/changes.atom, /agencies/SLUG/feed.atom)

feed-register-title = Lantern: changes to the register
feed-agency-title = Lantern: changes to { $agency }’s systems
feed-search-title = Lantern: changes to the systems of the search “{ $search }”
feed-system-title = Lantern: changes to { $system }
feed-topic-title = Lantern: changes to the systems tagged “{ $topic }”
# After a system's name: "Benefit fraud risk model: published".
feed-published = published
feed-updated = updated to version { $version }
feed-retired = retired
feed-audited = audited
feed-reviewed = reviewed, no change
# { $date } is written YYYY-MM-DD.
feed-audit = { $outcome } by { $auditor } on { $date }
feed-version = Version { $version }

## The data dictionary on /open-data: what the fields outside the record and the CSV's other columns hold. English pages show the schema's own words; these are their translations.

dictionary-field-id = The stable public id: never reused, survives renames.
dictionary-field-url = The record's page on this register (a path).
dictionary-field-agency = The owning agency's slug.
dictionary-field-agency_name = The owning agency's name.
dictionary-field-agency_contact = The owning agency's public contact.
dictionary-field-version = The current version's number: 1, 2, 3…
dictionary-field-published_at = When the current version was published: RFC 3339, UTC.
dictionary-field-reviewed_at = When the agency last reviewed the record: RFC 3339, UTC.
dictionary-field-audit = The latest audit by date; null if never audited.
dictionary-field-audit_overdue = Whether the latest audit's next due date has passed.
dictionary-field-review_by = When the agency is due to review the record: its last version or review plus 12 months, or 6 for a high-risk system (RFC 3339, UTC); null for a retired system, which is not reviewed.
dictionary-field-review_overdue = Whether that date has passed without a new version or a review.
dictionary-field-translated_into = The language whose translation the texts are in, where the request asked for one and the agency gave it.
dictionary-field-language = The language the agency wrote the record in; absent: the register's default language.
dictionary-field-translations = The record's texts in other languages, as its agency gave them: language code → field name → text.
dictionary-field-completeness = Of the fields this kind of system is expected to fill (by its risk level and its part in decisions about people), which it fills: a score from 0 to 100, the fields expected and those missing. A field withheld with a reason counts as answered.
dictionary-column-id = The stable public id
dictionary-column-url = The record's page on this register (a path)
dictionary-column-agency = The owning agency's slug
dictionary-column-agency_name = The owning agency's name
dictionary-column-data_sets = The data sets' names, joined
dictionary-column-personal_data = The most identifying level among the data sets: none, pseudonymised or identified
dictionary-column-sensitive_attributes = Sensitive attributes of any data set, joined
dictionary-column-version = The current version's number
dictionary-column-published_at = When the current version was published (RFC 3339, UTC)
dictionary-column-reviewed_at = When the agency last reviewed it (RFC 3339, UTC)
dictionary-column-audit_outcome = The latest audit's outcome, or empty if never audited
dictionary-column-audited_on = The latest audit's date
dictionary-column-auditor = Who audited it
dictionary-column-audit_next_due = When the next audit is due
dictionary-column-audit_report_url = The audit report
dictionary-column-audit_overdue = true once the next audit's due date has passed
dictionary-column-language = The language the agency wrote the record in; empty: the register's default
dictionary-column-completeness = The share of the fields expected of this kind of system that the record fills, 0 to 100
dictionary-column-completeness_missing = The expected fields the record leaves empty, by their column names, joined
dictionary-column-review_by = When the agency is due to review the record (RFC 3339, UTC); empty once retired
dictionary-column-review_overdue = true once that date has passed without a new version or a review
# A column such as summary@nl: "The agency's translation of Summary into Dutch, if it gave one".
dictionary-column-translation = The agency's translation of { $field } into { $language }, if it gave one

## Mail (server/src/mail/letters.rs): to a citizen who left an address for a reply.
# { $kind } is question or error; { $system } a system's name; { $agency } its agency's name.
mail-asker-published-subject = Your { $kind ->
    [error] error report
   *[question] question
} about { $system } is published
mail-asker-published = A moderator published your { $kind ->
    [error] error report
   *[question] question
} about { $system }. { $agency } will answer it on the system's page, and we will send you the answer.
mail-asker-declined-subject = Your { $kind ->
    [error] error report
   *[question] question
} about { $system } was not published
# { $reason } is the moderator's reason: "Off-topic".
mail-asker-declined = A moderator did not publish your { $kind ->
    [error] error report
   *[question] question
} about { $system } ({ $agency }). The reason: { $reason }.
mail-asker-taken-down = A moderator took down your { $kind ->
    [error] error report
   *[question] question
} about { $system } ({ $agency }). The reason: { $reason }.
mail-asker-answered-subject = { $agency } answered your { $kind ->
    [error] error report
   *[question] question
} about { $system }
mail-asker-answered = { $agency } answered your { $kind ->
    [error] error report
   *[question] question
} about { $system }.
mail-asker-you-wrote = You wrote:
mail-asker-the-answer = The answer:
mail-asker-why = You get this message because you left your email address for a reply. It is never published, and it is deleted { $days } days after you wrote.
mail-read-online = Read it on the system's page:

## Mail on the admin's /manage
mail-report-heading = Mail:
mail-report-waiting = { $count ->
    [0] no message waits.
    [one] 1 message waits.
   *[other] { $count } messages wait.
}
mail-report-no-server = No mail server is configured (LANTERN_SMTP_URL), so nothing is sent: messages wait until one is.
mail-report-sending = Messages are sent as they come.
mail-report-retrying = { $count ->
    [one] 1 waits for another try.
   *[other] { $count } wait for another try.
}
mail-report-given-up = { $count ->
    [one] 1 message was given up in the last 30 days.
   *[other] { $count } messages were given up in the last 30 days.
}
mail-report-last-error = Last problem: { $error }.

## Following by email (/follow, and the links in its mail)
# { $name } is an agency's or a system's name, or a topic.
mail-follow-what-agency = the agency { $name }
mail-follow-what-topic = the topic “{ $name }”
mail-follow-what-system = the system { $name }
mail-follow-what-search = the search “{ $name }”
follow-title = Follow by email
follow-title-error = Error: Follow by email – Lantern
follow-link = Follow by email
follow-unknown = There is nothing here to follow: the agency, topic or system in this address does not exist.
follow-heading = Follow { $what } by email
follow-what-you-get = Get an email when { $what } has a new system, a new version of a record, a retirement, an audit or an official answer to a question.
follow-no-mail = This register does not send email, so it cannot send you these changes.
follow-feed = A feed reader gets the same changes:
follow-email = Your email address
follow-email-hint = We send a link to this address first: nothing else comes until you open it and confirm.
follow-frequency = How often?
follow-immediate = An email for each change, as it happens
follow-daily = One email a day with the day's changes, on days with changes
follow-privacy = Your address is used for these emails only. It is never published, and every email has a link to stop them, which deletes it.
follow-send = Follow
follow-check-email = Enter an email address like name@example.org
follow-check-frequency = Choose how often you want email
follow-too-many = This address or this connection asked to follow too much in the last hour. Please try again in an hour.
follow-sent-heading = Check your inbox
follow-sent = If the address can receive email, a message is on its way to it with a link to confirm that you want to follow { $what }. Nothing else is sent until the link is opened.
follow-sent-not-you = No message? Look in your spam folder. The link works for 7 days.
follow-confirm-title = Confirm you want these emails
follow-confirm-ask = Follow { $what } by email ({ $how })?
follow-confirm-button = Yes, send me these emails
follow-confirmed = You follow { $what } by email ({ $how }). Every email has a link to stop them.
follow-unsubscribe-title = Stop these emails
follow-unsubscribe-ask = Stop the emails about { $what }? Your address is deleted.
follow-unsubscribe-button = Stop the emails
follow-unsubscribed = You will get no more of these emails, and your address is deleted.
follow-link-wrong = This link does not work: it is not complete, or it was not made by this register. Open the link from the email again, or copy all of it.
follow-link-expired = This link has expired. Ask again to follow, and use the new link within 7 days.
follow-link-gone = This subscription no longer exists: it was stopped, or never confirmed in time.
follow-how-immediate = an email for each change
follow-how-daily = one email a day
follow-confirmed-title = You follow it by email
follow-unsubscribed-title = The emails are stopped
follow-back = Back to the register

## Mail to people who follow the register (server/src/mail/letters/followers.rs)
mail-unsubscribe = Stop these emails:
mail-follow-confirm-subject = Confirm: follow { $what } by email
mail-follow-confirm = Someone, we hope you, asked to follow { $what } on this register by email{ $frequency ->
    [daily] , in one email a day
   *[immediate] , an email for each change
}.
mail-follow-confirm-link = Confirm that you want these emails:
mail-follow-confirm-why = Not you? Ignore this message: nothing more is sent, and the address is deleted after 7 days.
mail-follow-known-subject = You already follow { $what }
mail-follow-known = Someone asked to follow { $what } by email with this address. It already does, so nothing changed.
mail-follow-why = You get this email because you follow { $what } on this register.
mail-change-published = New system
mail-change-updated = New version
mail-change-retired = Retired
mail-change-audited = Audit recorded
mail-change-answered = Official answer
mail-change-opening = Something you follow changed: { $system } ({ $agency }).
mail-digest-subject = { $count ->
    [one] 1 change
   *[other] { $count } changes
} to { $what }
mail-digest-opening = What happened to { $what } since the last email:

## Mail to the people who keep the register: reminders and summaries.
mail-reminder-subject = { $count ->
    [one] 1 thing waits
   *[other] { $count } things wait
} for { $agency } on the register
mail-reminder-opening = Your weekly reminder of what waits for { $agency } on the register.
mail-reminder-drafts = { $count ->
    [one] 1 draft waits
   *[other] { $count } drafts wait
} for an approver:
mail-reminder-questions = { $count ->
    [one] 1 question has
   *[other] { $count } questions have
} waited more than { $days } days for an answer:
mail-reminder-question = A question about { $system }, published { $date }
mail-reminder-answer = Answer questions:
mail-reminder-reviews = { $count ->
    [one] 1 record is
   *[other] { $count } records are
} due for review:
mail-reminder-due = { $name }: due { $date }
mail-reminder-overdue = { $name }: overdue since { $date }
mail-reminder-why = You get this email because you are an editor or approver of { $agency } on this register. It comes at most once a week, when something waits.
mail-choose = Choose the email you get:
mail-summary-subject = The register's week, { $from } to { $until }
mail-summary-opening = What happened on the register from { $from } to { $until }, and what waits now.
mail-summary-happened = In the week
mail-summary-new-systems = { $count ->
    [0] No new systems
    [one] 1 new system
   *[other] { $count } new systems
}
mail-summary-new-versions = { $count ->
    [0] No new versions
    [one] 1 new version
   *[other] { $count } new versions
}
mail-summary-retired = { $count ->
    [0] No system retired
    [one] 1 system retired
   *[other] { $count } systems retired
}
mail-summary-audits = { $count ->
    [0] No audit recorded
    [one] 1 audit recorded
   *[other] { $count } audits recorded
}
mail-summary-comments = { $count ->
    [0] No comments received
    [one] 1 comment received
   *[other] { $count } comments received
}
mail-summary-published = { $count ->
    [0] No comments published
    [one] 1 comment published
   *[other] { $count } comments published
}
mail-summary-answers = { $count ->
    [0] No official answers
    [one] 1 official answer
   *[other] { $count } official answers
}
mail-summary-waiting = Waiting now
mail-summary-comments-waiting = { $count ->
    [0] No comment waits
    [one] 1 comment waits
   *[other] { $count } comments wait
} for a moderator
mail-summary-questions-waiting = { $count ->
    [0] No question has
    [one] 1 question has
   *[other] { $count } questions have
} waited more than { $days } days for an answer
mail-summary-drafts-waiting = { $count ->
    [0] No draft waits
    [one] 1 draft waits
   *[other] { $count } drafts wait
} for an approver
mail-summary-reviews-overdue = { $count ->
    [0] No record is
    [one] 1 record is
   *[other] { $count } records are
} overdue for review
mail-summary-manage = Manage the register:
mail-summary-why = You get this email because you are an admin of this register. It comes once a week.

## /manage/email: the mail an account gets.
email-heading = Email from Lantern
email-what = choose the reminders and summaries you get
email-loading = Loading your email choices…
email-lede = Lantern writes to { $email } once a week at most. Untick what you do not want.
email-legend = Email me
email-kind-drafts = when drafts of my agency wait for an approver
email-kind-questions = when questions to my agency have waited too long for an answer
email-kind-reviews = when records of my agency are due for review, or overdue
email-kind-summary = a summary of the register's week
email-save = Save my choices
email-saved = Your email choices are saved.
email-none-for-role = Lantern sends your role no email.
email-no-server = This register has no mail server yet, so nothing is sent. Your choices apply once it has one.
settings-answer-reminder = Days before an unanswered question is in the agency's reminder
settings-answer-reminder-hint = Each agency's editors and approvers get a weekly reminder of the published questions they have not answered after this many days.
email-check-kind = Choose from the kinds of email listed
search-keep-up = Keep up with changes to these systems:
search-feed = Atom feed of this search
search-follow = Follow this search by email
mail-reminder-more = …and { $count } more
follow-feed-system = Atom feed of this system
follow-feed-topic = Atom feed of this topic
