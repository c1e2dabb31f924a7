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
facet-agency = Agency
facet-stage = Stage
facet-risk_level = Risk level
facet-topic = Topic
facet-technique = Technique
facet-audit = Audit
facet-personal_data = Personal data
facet-remove = Remove the filter
facet-chosen = Chosen filters
facet-another-agency = Another agency
facet-choose-agency = Choose an agency
query-too-many-filters = { $count } filter values were given; at most { $most } are accepted
query-page-beyond = page { $page } is beyond the first { $most } results; narrow the search with words or filters
query-words-too-long = the search text is { $length } characters long; it can be at most { $most }
query-sort-unknown = sort “{ $value }” is not one of: relevance, updated, name
query-page-not-a-number = page “{ $value }” is not a page number (a whole number from 1)
query-per-page-wrong = per_page “{ $value }” is not a whole number from 1 to { $most }
query-value-too-long = { $name } “{ $value }” is longer than { $most } characters

## A system's record (/systems/ID)

record-loading = Loading the record…
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
feedback-check-duplicate = This message was already sent about this system today: it will not be sent twice
feedback-flagged = Thank you. A moderator will look at the comment you reported.
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
open-data-api-systems = search and filter as on the systems page (`q`, `agency`, `stage`, `risk_level`, `topic`, `technique`, `audit`, `personal_data`, `sort`), `limit` up to 500, and a `next` link
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
