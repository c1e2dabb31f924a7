# Lantern in het Nederlands: een vertaling van en.ftl, sleutel voor sleutel.
# Termen tussen { $naam } vult Lantern in; vertaal de woorden eromheen.

## De taal zelf

language-name = Nederlands
language-en = Engels
language-nl = Nederlands
number-thousands = .
date = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
count-systems = { $count ->
    [one] { $count } systeem
   *[other] { $count } systemen
}

## Elke pagina

site-name = Lantern
site-tagline = Het openbare register van AI-systemen van de overheid
skip-to-main = Naar de hoofdinhoud
nav-main = Hoofdmenu
nav-systems = AI-systemen
nav-agencies = Organisaties
nav-open-data = Open data
nav-manage = Beheer
nav-sign-in = Inloggen
language-switcher = Taal
footer-about = Lantern publiceert wat overheidsorganisaties melden over de AI- en algoritmische systemen die zij gebruiken. Organisaties zijn verantwoordelijk voor hun registraties; audits worden vastgelegd door onafhankelijke toezichthouders.
page-title = { $page } – Lantern

not-found-title = Pagina niet gevonden
not-found-text = Op dit adres staat niets. Hebt u het zelf getypt, controleer dan of het klopt; volgde u een link, dan heeft de registratie misschien een nieuw adres.
not-found-browse = Bekijk alle AI-systemen
not-found-or = of
not-found-agencies = bekijk de organisaties
unavailable-title = Er ging iets mis
unavailable-heading = Sorry, er ging iets mis
unavailable-text = We konden het register nu niet lezen. Probeer het over een paar minuten opnieuw.
loading-register = Het register wordt geladen…

## De startpagina

home-title = Lantern – het openbare register van AI-systemen van de overheid
home-heading = Welke AI-systemen gebruikt uw overheid?
home-lede = Lantern is een openbaar register van de AI- en algoritmische systemen die overheidsorganisaties gebruiken. Voor elk systeem publiceert de organisatie die het gebruikt wat het doet, welke gegevens het gebruikt, wie het controleert en hoe u een besluit kunt aanvechten. Onafhankelijke toezichthouders leggen hier hun audits vast.
home-browse = Bekijk alle AI-systemen
home-totals-systems = { $count ->
    [one] systeem gepubliceerd door
   *[other] systemen gepubliceerd door
}
home-totals-agencies = { $count ->
    [one] organisatie
   *[other] organisaties
}
home-by-stage = Per fase
home-by-risk = Per risiconiveau
home-by-audit = Per laatste audit
home-stage = Fase
home-risk = Risiconiveau
home-audit = Laatste audit
home-systems = Systemen
home-recent = Onlangs bijgewerkt
home-see-all = Bekijk alle systemen

## Vaste keuzelijsten: het label van elke vaste naam

stage-planned = Gepland
stage-development = In ontwikkeling
stage-pilot = Proefproject
stage-in_use = In gebruik
stage-retired = Buiten gebruik

risk_level-minimal = Minimaal risico
risk_level-limited = Beperkt risico
risk_level-high = Hoog risico
risk_level-prohibited = Verboden
risk_level-unassessed = Nog niet beoordeeld

decision_role-informs_human = Informeert een mens die beslist
decision_role-recommends = Adviseert een mens over een besluit
decision_role-decides_with_review = Beslist, met menselijke controle
decision_role-decides_alone = Beslist zonder menselijke controle

technique-rules = Regels
technique-classical_ml = Klassiek machinaal leren
technique-nlp = Natuurlijketaalverwerking
technique-computer_vision = Computervisie
technique-generative_ai = Generatieve AI
technique-agentic = Agentische AI
technique-other = Anders

topic-benefits = Uitkeringen
topic-health = Gezondheid
topic-tax = Belastingen
topic-law_enforcement = Rechtshandhaving
topic-justice = Rechtspraak
topic-immigration = Migratie
topic-education = Onderwijs
topic-transport = Vervoer
topic-environment = Milieu
topic-housing = Wonen
topic-employment = Werk
topic-defence = Defensie
topic-science = Wetenschap
topic-administration = Bedrijfsvoering
topic-service_delivery = Dienstverlening
topic-other = Anders

personal_data-none = Geen persoonsgegevens
personal_data-pseudonymised = Gepseudonimiseerde persoonsgegevens
personal_data-identified = Identificeerbare persoonsgegevens

assessment_kind-dpia = Gegevensbeschermingseffectbeoordeling
assessment_kind-fria = Grondrechteneffectbeoordeling
assessment_kind-aia = Algoritmische effectbeoordeling
assessment_kind-algorithm_impact = Impactbeoordeling van een algoritme
assessment_kind-other = Andere beoordeling

audit_outcome-passed = Goedgekeurd
audit_outcome-passed_with_findings = Goedgekeurd met bevindingen
audit_outcome-failed = Afgekeurd
audit_outcome-in_progress = Audit loopt

feedback_kind-question = Vraag
feedback_kind-error = Foutmelding
feedback_kind-feedback = Reactie

comment_state-pending = Wacht op een moderator
comment_state-published = Gepubliceerd
comment_state-hidden = Verborgen

hide_reason-spam = Spam
hide_reason-offensive = Beledigend
hide_reason-personal_data = Persoonsgegevens
hide_reason-off_topic = Niet ter zake

role-admin = Registerbeheerder
role-editor = Redacteur van een organisatie
role-approver = Goedkeurder van een organisatie
role-auditor = Auditor (toezichthouder)
role-moderator = Moderator

draft_state-editing = In bewerking
draft_state-submitted = Wacht op goedkeuring

write_state-draft = Opgeslagen als concept
write_state-submitted = Wacht op goedkeuring
write_state-published = Gepubliceerd

token_scope-draft = Concept: schrijft alleen concepten
token_scope-publish = Publiceren: publiceert wat het schrijft
audit_outcome-none = Nooit geaudit
facet-personal-data-yes = Gebruikt persoonsgegevens
facet-personal-data-no = Geen persoonsgegevens opgegeven
value-personal-data-not-stated = niet opgegeven
page-personal-data-not-stated = Niet opgegeven of het persoonsgegevens bevat
hidden-flagged = Gemeld door lezers, wacht op een moderator

## Lijsten van systemen

list-updated = Bijgewerkt
list-key-facts = Kerngegevens

## De velden van een registratie: label, de hint in het formulier, wat het bevat (open data), hoe één item van een lijst heet

field-agency_ref = Kenmerk van de organisatie
    .hint = Uw eigen kenmerk, bijvoorbeeld DHS-314. Niet verplicht.
    .description = Het eigen kenmerk van de organisatie, bijvoorbeeld `DHS-314`.
field-name = Naam
    .hint = Zoals de organisatie het noemt; hoogstens 200 tekens.
    .description = Hoe het systeem heet (hoogstens 200 tekens).
field-summary = Samenvatting
    .hint = Eén alinea in eenvoudige woorden voor burgers: wat het doet en voor wie. Hoogstens 500 tekens.
    .description = Eén alinea voor burgers: wat het doet (platte tekst, hoogstens 500 tekens).
field-unit = Afdeling
    .hint = Dienst, team of afdeling. Niet verplicht.
    .description = De dienst, het team of de afdeling die het gebruikt.
field-contact = Contact
    .hint = Een e-mailadres of webadres voor vragen. Niet verplicht.
    .description = Een openbaar e-mailadres of webadres voor vragen over dit systeem.
field-in_use_since = In gebruik sinds
    .description = Sinds wanneer het in gebruik is: `JJJJ-MM-DD`.
field-retired_on = Buiten gebruik sinds
    .description = Wanneer het buiten gebruik is gesteld: `JJJJ-MM-DD`.
field-tags = Trefwoorden
    .hint = Gescheiden door komma's, bijvoorbeeld fraude, uitkeringen.
    .description = Vrije trefwoorden die de organisatie aan het onderwerp toevoegt.
    .entry = trefwoord
field-supplier = Leverancier
    .hint = De leverancier, of „zelf gebouwd”. Niet verplicht.
    .description = De leverancier, of "zelf gebouwd".
field-data = Gebruikte gegevens
    .hint = Elke gegevensverzameling die het systeem gebruikt. Laat een rij leeg om hem weg te laten.
    .description = De gegevensverzamelingen die het gebruikt.
    .entry = gegevensverzameling
field-assessments = Effectbeoordelingen
    .description = De uitgevoerde effectbeoordelingen.
    .entry = beoordeling
field-withheld = Niet gepubliceerde velden
    .hint = Een veld dat u niet publiceert, moet zeggen waarom: het publiek ziet de reden op zijn plaats.
    .description = De velden die niet zijn gepubliceerd, elk met de opgegeven wettelijke grond.
    .entry = niet gepubliceerd veld
field-purpose = Doel
    .hint = Het probleem dat het oplost, waarom AI, de verwachte voordelen.
    .description = Het probleem dat het oplost, waarom AI, de verwachte voordelen (markdown).
field-how_it_works = Hoe het werkt
    .hint = Invoer, uitvoer, het model of de regels, de plaats in het besluit.
    .description = Invoer, uitvoer, het model of de regels, de plaats in het besluit (markdown).
field-human_oversight = Menselijk toezicht
    .hint = Wie de uitkomsten controleert, wanneer, met welke bevoegdheid.
    .description = Wie de uitkomsten controleert, wanneer, met welke bevoegdheid (markdown).
field-contest = Een besluit aanvechten of bezwaar maken
    .hint = Hoe een betrokkene een besluit door een mens krijgt.
    .description = Hoe een betrokkene bezwaar kan maken of een besluit door een mens kan krijgen (markdown).
field-explainability = Hoe besluiten worden uitgelegd
    .hint = Hoe een besluit wordt uitgelegd aan degene die het raakt.
    .description = Hoe een besluit wordt uitgelegd aan degene die het raakt (markdown).
field-fairness = Eerlijkheid en toetsing op vooroordelen
    .hint = Uitgevoerde toetsen op vooroordelen, beschermde kenmerken, resultaten.
    .description = Uitgevoerde toetsen op vooroordelen, beschermde kenmerken, resultaten (markdown).
field-risks = Risico's en hoe ze worden beheerst
    .hint = Wat er mis kan gaan, voor wie, en wat eraan wordt gedaan.
    .description = Risico's en de maatregelen ertegen (markdown).
field-legal_basis = Wettelijke grondslag
    .hint = De wet die het toestaat, met links.
    .description = De wet die het toestaat (markdown).
field-stage = Fase
    .description = Waar het systeem in zijn levensloop staat.
field-topic = Onderwerp
    .description = Het beleidsterrein waarop het werkt.
field-technique = Technieken
    .description = De soorten techniek die het gebruikt.
field-risk_level = Risiconiveau
    .hint = Zoals de Europese AI-verordening het indeelt.
    .description = Risicoklasse in de zin van de Europese AI-verordening.
field-decision_role = Rol in besluiten
    .description = Hoe ver de uitkomst gaat in een besluit over een persoon.
field-not-stated = Niet opgegeven
form-part-what = Wat het is
form-part-where = Waar het staat
form-part-how = Hoe het werkt en hoe het wordt bestuurd
results-found-in-agency = Organisatie
results-found-in = Gevonden in
page-withheld = Niet gepubliceerd: { $reason }

## Systemen zoeken (/systems)

search-lede = Doorzoek elk AI- en algoritmisch systeem dat organisaties hebben gepubliceerd, of beperk de lijst met de filters.
search-loading = Systemen worden geladen…
search-unavailable = Zoeken is op dit moment niet beschikbaar
search-unavailable-text = Probeer het over een paar minuten opnieuw. Intussen toont elke organisatie haar systemen op een eigen pagina, en kunt u het hele register downloaden als open data.
search-by-agency = Systemen per organisatie
search-open-data = Het register als open data
search-filter = Filteren
search-sort = Sorteren op
search-apply = Filters toepassen
search-clear = Alles wissen
search-label = Systemen zoeken
search-hint = Bijvoorbeeld: uitkeringen, gezichtsherkenning, een gemeente of een organisatie
search-button = Zoeken
search-problem = Er is een probleem met deze zoekopdracht
search-show-all = Toon alle systemen
search-none-found = Geen systemen gevonden
search-closest = Geen systeem past bij alle woorden van „{ $words }”. Dit zijn de systemen voor
search-quoted = „{ $words }”
search-beyond-last = Er is geen pagina { $page }: de resultaten vullen { $pages ->
    [one] { $pages } pagina.
   *[other] { $pages } pagina's.
}
search-first-page = Naar de eerste pagina
search-download = { $count ->
    [one] Download dit resultaat:
   *[other] Download deze resultaten, alle pagina's:
}
search-for-spreadsheets = voor spreadsheets
search-about-open-data = Over de open data
search-for = Zoek naar „{ $words }”
search-instead = { $count ->
    [one] in plaats daarvan ({ $count } systeem)
   *[other] in plaats daarvan ({ $count } systemen)
}
search-check-spelling = Controleer de spelling, of probeer minder of algemenere woorden.
search-unknown-value = Het register kent geen { $facet } „{ $value }”.
search-remove-filter = Verwijder het filter { $facet }
search-remove-filter-counted = Verwijder het filter { $facet } ({ $count } systemen)
search-everywhere = Zoek in alle systemen naar „{ $words }”
search-no-match-filters = Geen systeem past bij al deze filters.
search-no-match = Geen systeem past bij „{ $words }”.
search-no-match-with-filters = Geen systeem past bij „{ $words }” met deze filters.
search-page = Pagina { $page }
search-pages = Pagina's
search-previous = Vorige
search-next = Volgende
sort-relevance = Beste overeenkomst
sort-updated = Onlangs bijgewerkt
sort-name = Naam
facet-agency = Organisatie
facet-stage = Fase
facet-risk_level = Risiconiveau
facet-topic = Onderwerp
facet-technique = Techniek
facet-audit = Audit
facet-personal_data = Persoonsgegevens
facet-remove = Verwijder het filter
facet-chosen = Gekozen filters
facet-another-agency = Andere organisatie
facet-choose-agency = Kies een organisatie
query-too-many-filters = er zijn { $count } filterwaarden opgegeven; er worden er hoogstens { $most } aanvaard
query-page-beyond = pagina { $page } ligt voorbij de eerste { $most } resultaten; beperk de zoekopdracht met woorden of filters
query-words-too-long = de zoektekst is { $length } tekens lang; hij mag hoogstens { $most } tekens zijn
query-sort-unknown = sortering „{ $value }” is niet een van: relevance, updated, name
query-page-not-a-number = pagina „{ $value }” is geen paginanummer (een geheel getal vanaf 1)
query-per-page-wrong = per_page „{ $value }” is geen geheel getal van 1 tot en met { $most }
query-value-too-long = { $name } „{ $value }” is langer dan { $most } tekens

## De registratie van een systeem (/systems/ID)

record-loading = De registratie wordt geladen…
record-staff-audit = Leg een audit van dit systeem vast
record-staff-edit = Deze registratie bewerken, publiceren of buiten gebruik stellen
record-title = { $name } – { $agency } – Lantern
record-title-error = Fout: { $name } – { $agency } – Lantern
record-not-said = De organisatie heeft dit niet gezegd.
record-audit-line = { $outcome } door { $auditor } op { $date }.
record-audit-line-overdue = { $outcome } door { $auditor } op { $date }. De volgende audit is te laat.
record-no-audit-short = Er is geen onafhankelijke audit vastgelegd.
record-at-a-glance = In het kort
record-who-runs-it = Wie gebruikt het?
record-supplier = . Leverancier: { $supplier }
record-decides = Beslist het over mij?
record-audited = Is het gecontroleerd?
record-question-it = Hoe kan ik het aanvechten?
record-contact = Contact:
record-no-contact = De organisatie heeft geen contactgegevens gepubliceerd.
record-ask = Stel een openbare vraag
record-not-published = De organisatie heeft dit niet gepubliceerd.
record-data-source = Bron
record-data-sensitive = Gevoelige kenmerken
record-no-assessment = Er is geen effectbeoordeling gepubliceerd.
record-facts = Gegevens
record-agency-contact = Contact van de organisatie
record-record = Registratie
record-version = Versie { $version }, gepubliceerd op
record-reviewed = herzien op
record-history-link = Bekijk elke versie en wat er veranderde
record-permanent-id = Vaste id
record-as = Deze registratie als
record-no-audit = Er is geen onafhankelijke audit van dit systeem vastgelegd. Alleen toezichthouders kunnen audits vastleggen; organisaties kunnen hun eigen systemen niet als gecontroleerd markeren.
audit-outcome = Uitkomst
audit-by = Gecontroleerd door
audit-date = Datum
audit-next-due = Volgende audit uiterlijk
audit-overdue = Audit te laat
audit-report = Rapport
audit-read-report = Lees het auditrapport
audit-findings = Bevindingen

## Organisaties (/agencies, /agencies/SLUG)

agencies-lede = De overheidsorganisaties die hun AI-systemen in het register publiceren.
agencies-loading = Organisaties worden geladen…
agencies-count = { $count ->
    [one] { $count } organisatie
   *[other] { $count } organisaties
}
agencies-answered = Beantwoorde vragen
agency-loading = De organisatie wordt geladen…
agency-jurisdiction = Bestuurslaag
agency-median = Mediane antwoordtijd
agency-answered-of = { $answered } van { $items }
agency-feed-title = Wijzigingen in de systemen van { $agency }
agency-website = Website
agency-contact = Openbaar contact
agency-published = Gepubliceerde systemen
agency-answered = Beantwoorde vragen en foutmeldingen
agency-follow = Volg de wijzigingen
agency-atom = Atom-feed
agency-as-json = als JSON
agency-first-systems = { $shown } van haar { $count } systemen: eerst die ze beschrijft, de laatst bijgewerkte eerst.
agency-see-all = Bekijk en filter ze allemaal
duration-days = { $count ->
    [one] { $count } dag
   *[other] { $count } dagen
}
duration-hours = { $count ->
    [one] { $count } uur
   *[other] { $count } uur
}
duration-minutes = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
duration-moment = een minuut of twee

## De geschiedenis van een systeem (/systems/ID/history)

history-no-version = Versie { $missing } bestaat niet: dit systeem heeft de versies 1 tot en met { $latest }
history-loading = De geschiedenis wordt geladen…
history-bad-title = Versies niet gevonden
history-bad-heading = Deze versies kunnen niet worden vergeleken
history-bad-text = Ga terug naar de geschiedenis en kies twee versies uit de lijsten.
history-title = Geschiedenis van { $name }
history-of = Geschiedenis van
history-lede = Elke versie die de organisatie publiceerde. Gepubliceerde versies veranderen nooit: een correctie is een nieuwe versie.
history-versions = Gepubliceerde versies
history-caption = Gepubliceerde versies, nieuwste eerst
history-version = Versie
history-published = Gepubliceerd
history-what-changed = Wat er veranderde
history-compare-heading = Versies vergelijken
history-older = Oudere versie
history-newer = Nieuwere versie
history-compare = Vergelijken
history-version-n = Versie { $version }
history-from-to = Versie { $from } → versie { $to }
history-same = Deze twee versies zijn gelijk.
history-changed = { $count ->
    [one] { $count } veld veranderd.
   *[other] { $count } velden veranderd.
}
history-removed = Verwijderde tekst is
history-struck = doorgestreept
history-added = toegevoegde tekst is
history-underlined = onderstreept

## Vragen en antwoorden bij een registratie, en het formulier om te vragen

feedback-sent-published = Dank u. Uw bericht staat hieronder.
feedback-sent-pending = Dank u. Een moderator leest uw bericht voordat het hier verschijnt.
feedback-too-many = U hebt het afgelopen uur veel berichten gestuurd. Wacht { $minutes ->
    [one] { $minutes } minuut
   *[other] { $minutes } minuten
} en stuur het dan opnieuw.
feedback-check-honeypot = Dit bericht lijkt door een programma te zijn verstuurd: het veld „Laat dit veld leeg” moet leeg blijven.
feedback-check-kind = Kies wat het is: een vraag, een foutmelding of een reactie
feedback-check-kind-unknown = „{ $kind }” is geen soort bericht: gebruik een van { $kinds }
feedback-check-body = Schrijf uw bericht
feedback-check-body-long = Uw bericht is { $length } tekens lang: maak het { $most } tekens of korter
feedback-check-body-control = Uw bericht mag geen stuurtekens bevatten
feedback-check-links = Uw bericht bevat { $count } links: houd het bij { $most } of minder
feedback-check-name-long = Uw naam mag hoogstens { $most } tekens zijn
feedback-check-name-line = Uw naam moet één regel zijn, zonder stuurtekens of tekens die de schrijfrichting omkeren
feedback-check-email = Vul een e-mailadres in zoals naam@voorbeeld.nl, of laat het leeg
feedback-check-duplicate = Dit bericht is vandaag al over dit systeem verstuurd: het wordt geen twee keer verstuurd
feedback-flagged = Dank u. Een moderator bekijkt de reactie die u meldde.
feedback-heading = Vragen en antwoorden
feedback-loading = Vragen worden geladen…
feedback-unavailable = De vragen over dit systeem kunnen nu niet worden getoond.
feedback-none = Niemand heeft nog een vraag over dit systeem gesteld.
feedback-moderation-pre = Een moderator leest elk bericht voordat het verschijnt.
feedback-moderation-post = Berichten verschijnen meteen; moderatoren verwijderen misbruik.
feedback-form-title = Stel een vraag of meld een fout
feedback-form-intro = De organisatie die dit systeem gebruikt, beantwoordt vragen en foutmeldingen hier, in het openbaar.
feedback-form-no-personal = Schrijf geen persoonlijke gegevens zoals uw adres, telefoonnummer of dossiernummer.
feedback-anonymous = Iemand uit het publiek
feedback-official-answer = Officieel antwoord van { $agency }
feedback-updated = bijgewerkt op
feedback-report = Meld deze reactie aan een moderator
feedback-report-what = Wat is er mis mee?
feedback-report-button = Melden
feedback-kind = Wat is het?
feedback-kind-question = Een vraag over dit systeem
feedback-kind-error = Een fout in deze registratie
feedback-body = Uw bericht
feedback-body-hint = Hoogstens 2.000 tekens, platte tekst. Hoogstens 2 links.
feedback-name = Uw naam (niet verplicht)
feedback-name-hint = Staat bij uw bericht. Laat het leeg om te verschijnen als „Iemand uit het publiek”.
feedback-email = Uw e-mailadres (niet verplicht)
feedback-email-hint = Alleen als u een antwoord van de organisatie wilt. Het wordt nooit gepubliceerd en na { $days } dagen verwijderd.
feedback-honeypot = Laat dit veld leeg
feedback-send = Versturen
form-problem = Er is een probleem

## Inloggen (/login)

sign-in-lede = Voor medewerkers van organisaties, auditors, moderatoren en registerbeheerders. Burgers hebben geen account nodig om het register te lezen.
sign-in-email = E-mailadres
sign-in-password = Wachtwoord
sign-in-enter-email = Vul uw e-mailadres in
sign-in-enter-password = Vul uw wachtwoord in
sign-in-wrong = Het e-mailadres of wachtwoord klopt niet
sign-in-locked = Te veel mislukte pogingen om in te loggen met dit e-mailadres: probeer het opnieuw na { $until }
sign-in-busy = Er loggen te veel mensen tegelijk in: probeer het over een paar seconden opnieuw
sign-in-disabled = Dit account is uitgeschakeld: vraag het een registerbeheerder
sign-in-too-many = Te veel pogingen om in te loggen vanaf uw netwerk: probeer het over { $seconds } seconden opnieuw

## Open data (/open-data). Woorden tussen `backticks` verschijnen als code: laat ze zoals ze zijn.

open-data-lede = Alles wat dit register publiceert is open data: download het hele register in één keer, volg wat er verandert, en verwijs naar elke registratie met haar vaste id en versie. Geen sleutel, geen aanmelding.
open-data-on-this-page = Op deze pagina
open-data-download = Het hele register downloaden
open-data-changes = De wijzigingen volgen
open-data-api = De API bevragen
open-data-manners = Caching, limieten en fouten
open-data-dictionary = Gegevenswoordenboek
open-data-download-what = Elk gepubliceerd systeem, zijn huidige versie, zijn organisatie en zijn laatste audit, op volgorde van id. Concepten verschijnen nooit, en een veld dat een organisatie niet publiceert ontbreekt, met de reden in `withheld`.
open-data-export-json = één JSON-document, `{"{"}"exported_at": …, "systems": […]{"}"}`
open-data-export-ndjson = één systeem per regel, makkelijk te streamen en in git te bewaren
open-data-export-csv = één rij per systeem voor spreadsheets; lijsten worden samengevoegd met „{ $separator }”; cellen die een spreadsheet als formule zou uitvoeren beginnen met een apostrof
open-data-command-line = Met een eigen kopie van Lantern komen dezelfde bestanden van de opdrachtregel:
open-data-changes-what = Elke publicatie, wijziging, buitengebruikstelling en audit, oudste eerst, sinds een tijdstip of sinds de laatste wijziging die u zag:
open-data-changes-next = Elk antwoord heeft een link `next`. Bewaar die en vraag hem morgen opnieuw op: u krijgt precies wat erna kwam, nooit een wijziging twee keer en nooit een gemist. `has_more` zegt of u meteen opnieuw moet vragen.
open-data-feed-reader = In een feedlezer:
open-data-feed-all = wijzigingen in het hele register
open-data-feed-agency = , of de feed van één organisatie, gelinkt vanaf haar pagina (`/agencies/{"{"}slug{"}"}/feed.atom`).
open-data-api-systems = zoeken en filteren zoals op de pagina met systemen (`q`, `agency`, `stage`, `risk_level`, `topic`, `technique`, `audit`, `personal_data`, `sort`), `limit` tot 500, en een link `next`
open-data-api-system = een registratie, haar geschiedenis, en elke versie zoals die werd gepubliceerd
open-data-api-feedback = de openbare vragen en de antwoorden van de organisatie
open-data-api-agencies = wie publiceert, hoeveel systemen, hoe zij antwoorden
open-data-api-openapi = De API is voor machines beschreven in
open-data-api-schema = , en de vorm van een systeem in
open-data-api-stable = Veldnamen en de waarden van vaste keuzelijsten veranderen nooit; nieuwe waarden worden aangekondigd voordat ze verschijnen.
open-data-etag = Elk antwoord heeft een `ETag`. Stuur die terug als `If-None-Match` en een ongewijzigd antwoord is een korte `304 Not Modified`. Exports geven ook `Last-Modified`.
open-data-gzip = Vraag met `Accept-Encoding: gzip` (in curl `--compressed`) om veel minder te downloaden.
open-data-cors = Scripts op elke webpagina mogen de API lezen (CORS staat open voor lezen).
open-data-rate-limit = Elke client mag een aantal verzoeken per minuut doen; de header `RateLimit` zegt hoeveel er over zijn, en een antwoord `429` zegt in `Retry-After` hoe lang u moet wachten. Wilt u alles, download dan één keer een export in plaats van systeem voor systeem te vragen.
open-data-errors = Elke fout is
open-data-errors-what = een vaste code voor programma's, een zin voor mensen, en de parameter die niet klopt.
open-data-may-be-absent = kan ontbreken
open-data-dictionary-what = Een systeem in de API en de JSON-exports. Datums zijn `YYYY-MM-DD`; tijden zijn RFC 3339 in UTC; markdownvelden staan zoals de organisatie ze schreef.
open-data-fields = Velden van een systeem
open-data-field = Veld
open-data-type = Type
open-data-holds = Wat het bevat
open-data-csv-columns = De kolommen van de CSV
open-data-csv-caption = Kolommen van export.csv
open-data-column = Kolom
