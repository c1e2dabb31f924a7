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
nav-statistics = Statistieken
statistics-lede = De stand van het register in één oogopslag: wat het bevat, hoe volledig en actueel de registraties zijn, hoeveel onafhankelijk zijn geaudit en hoe organisaties het publiek antwoorden. Elk getal linkt naar de systemen die het telt.
statistics-from-agencies = { $count ->
    [one] { $count } organisatie.
   *[other] { $count } organisaties.
}
statistics-agencies-unpublished = { $count ->
    [one] Eén organisatie heeft nog niets gepubliceerd.
   *[other] { $count } organisaties hebben nog niets gepubliceerd.
}
statistics-audit-coverage = van de systemen met een hoog risico (niet buiten gebruik) heeft een geslaagde audit die niet te laat is: { $covered } van { $count }.
statistics-audits-overdue = { $count ->
    [one] systeem is te laat voor de volgende audit.
   *[other] systemen zijn te laat voor de volgende audit.
}
statistics-reviews-overdue = { $count ->
    [one] registratie had al herzien moeten zijn door haar organisatie.
   *[other] registraties hadden al herzien moeten zijn door hun organisatie.
}
statistics-average-completeness = van de velden die van een registratie worden verwacht, is gemiddeld ingevuld;
statistics-complete = { $count ->
    [one] { $count } registratie vult ze allemaal in.
   *[other] { $count } registraties vullen ze allemaal in.
}
statistics-answered = van { $count } gepubliceerde vragen en foutmeldingen beantwoord; mediane antwoordtijd: { $median }.
statistics-by-stage = Systemen per fase
statistics-by-risk = Systemen per risiconiveau
statistics-by-technique = Systemen per techniek
statistics-by-topic = Systemen per onderwerp
statistics-over-time = Nieuwe systemen per maand
statistics-over-time-desc = Van { $first } tot { $last }; het meeste in één maand: { $most }.
statistics-months-table = De aantallen per maand
statistics-missing = Verwachte velden die leeg zijn
statistics-by-audit = Systemen per laatste audit
statistics-by-agency = Organisaties
statistics-agencies-charted = De grafiek toont de { $count } organisaties met de meeste systemen; de tabel noemt ze allemaal.
statistics-chart-largest = De grootste is { $label }, met { $count } van { $total } systemen.
statistics-chart-empty = Nog niets te tonen.
statistics-value = Waarde
statistics-average-completeness-short = Gemiddelde volledigheid
# De kop van de statistiekenpagina van één organisatie.
statistics-agency-heading = Statistieken van { $agency }
statistics-whole-register = Het hele register
# Het kerngetal van één organisatie: "4 systemen gepubliceerd."
statistics-agency-systems = { $count ->
    [one] systeem gepubliceerd.
   *[other] systemen gepubliceerd.
}
statistics-last-published = Laatst gepubliceerd
statistics-never = Nooit
statistics-counted-at = Geteld op { $time }. Dezelfde getallen als open data:
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
facet-completeness-complete = Alle verwachte velden ingevuld
facet-completeness-incomplete = Verwachte velden ontbreken
facet-review-overdue = Herziening te laat
facet-review-current = Op tijd herzien
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
results-found-in-translation = In een vertaling
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
sort-completeness = Minst volledig eerst
facet-agency = Organisatie
facet-stage = Fase
facet-risk_level = Risiconiveau
facet-topic = Onderwerp
facet-technique = Techniek
facet-audit = Audit
facet-personal_data = Persoonsgegevens
facet-completeness = Volledigheid
facet-missing = Ontbreekt in de registratie
facet-review = Herziening
facet-remove = Verwijder het filter
facet-chosen = Gekozen filters
facet-another-agency = Andere organisatie
facet-choose-agency = Kies een organisatie
query-too-many-filters = er zijn { $count } filterwaarden opgegeven; er worden er hoogstens { $most } aanvaard
query-page-beyond = pagina { $page } ligt voorbij de eerste { $most } resultaten; beperk de zoekopdracht met woorden of filters
query-words-too-long = de zoektekst is { $length } tekens lang; hij mag hoogstens { $most } tekens zijn
query-sort-unknown = sortering „{ $value }” is niet een van: relevance, updated, name, completeness
query-page-not-a-number = pagina „{ $value }” is geen paginanummer (een geheel getal vanaf 1)
query-per-page-wrong = per_page „{ $value }” is geen geheel getal van 1 tot en met { $most }
query-value-too-long = { $name } „{ $value }” is langer dan { $most } tekens

## De registratie van een systeem (/systems/ID)

record-loading = De registratie wordt geladen…
record-not-translated = Niet beschikbaar in het { $reader }; getoond in het { $original }.
record-completeness-all = Alle { $expected } verwachte velden zijn ingevuld.
record-completeness-missing = { $filled } van de { $expected } verwachte velden ingevuld; ontbreekt: { $missing }.
record-completeness-why = Wat wordt verwacht?

## Het advies van het formulier, bij de opslaan-knop

form-advice-heading = Controleer voordat u opslaat
form-advice-plain = Begrijpelijke taal
form-advice-plain-what = Lezers begrijpen een registratie het best in korte zinnen en gewone woorden. Elke tekst moet een leesgemak van { $target } of meer halen, op een schaal van 0 (erg moeilijk) tot 100 (erg makkelijk); 60 komt ongeveer overeen met taalniveau B1. Dit is een advies: het formulier slaat op wat er ook staat.
form-advice-no-texts = Nog geen tekst is lang genoeg voor een score.
# { $texts } teksten kregen een score; { $hard } daarvan kunnen makkelijker.
form-advice-texts = { $hard ->
    [0] { $texts ->
        [one] De tekst leest makkelijk.
       *[other] Alle { $texts } teksten lezen makkelijk.
    }
    [one] Eén van de { $texts } teksten kan makkelijker:
   *[other] { $hard } van de { $texts } teksten kunnen makkelijker:
}
form-advice-ease = leesgemak { $score }
form-advice-ease-low = leesgemak { $score }, lager dan { $target }
# { $start } zijn de eerste woorden van de eerste lange zin, zoals de redacteur ze schreef.
form-advice-long-sentences = { $count ->
    [one] één zin heeft
   *[other] { $count } zinnen hebben
} meer dan { $limit } woorden, zoals „{ $start }”
form-advice-long-words = lange woorden: { $words }
record-review-overdue = Herziening te laat: de organisatie moest deze registratie uiterlijk { $date } herzien.
record-review-why = Wanneer wordt een registratie herzien?
record-review-by = te herzien vóór
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
agency-statistics = Haar systemen naar fase, risico, techniek en onderwerp, met grafieken
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
history-reviewed = Herzien, geen wijziging:
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
feedback-check-no-mail = Dit register verstuurt geen e-mail en kan dus geen adres voor een antwoord aannemen: laat het leeg
feedback-check-duplicate = Dit bericht is vandaag al over dit systeem verstuurd: het wordt geen twee keer verstuurd
feedback-flagged = Dank u. Een moderator bekijkt de reactie die u meldde.
feedback-flag-reason = Kies een reden: een van { $names }
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
open-data-completeness = Hoe volledig een registratie is
open-data-completeness-what = Elke registratie zegt hoeveel van de velden die van dit soort systeem worden verwacht ze invult; een veld dat met een reden is achtergehouden, telt als beantwoord. De API en de JSON-exports geven dit als `completeness`, de CSV in de laatste twee kolommen.
open-data-completeness-always = Elke registratie:
open-data-completeness-decides = Daarnaast, als het systeem besluiten over mensen aanbeveelt of neemt:
open-data-completeness-high-risk = Daarnaast, als het systeem een hoog risico heeft:
open-data-completeness-search = Zoek registraties erop op de pagina met systemen of in de API: `completeness=incomplete`, `missing=contest` (registraties die niet zeggen hoe je bezwaar maakt), `sort=completeness` (minst volledig eerst).
open-data-review = Wanneer een registratie wordt herzien
open-data-review-when = Elke registratie heeft een datum waarop ze herzien moet zijn: { $months ->
    [one] { $months } maand
   *[other] { $months } maanden
} na de laatste versie, { $high_risk_months ->
    [one] { $high_risk_months } maand
   *[other] { $high_risk_months } maanden
} bij een systeem met een hoog risico (de beheerders van het register stellen deze termijnen in), of een eerdere datum die de organisatie koos. De organisatie laat de termijn opnieuw beginnen door een nieuwe versie te publiceren, of door te bevestigen dat de registratie nog klopt („herzien, geen wijziging”, te zien in de geschiedenis en de wijzigingenfeed). Verstrijkt de datum eerder, dan zegt de registratie dat de herziening te laat is. Een systeem dat buiten gebruik is, wordt niet herzien.
open-data-review-data = De API en de exports geven `review_by` en `review_overdue`; zoek met `review=overdue`.
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
open-data-api-systems = zoeken en filteren zoals op de pagina met systemen (`q`, `agency`, `stage`, `risk_level`, `topic`, `technique`, `audit`, `personal_data`, `completeness`, `missing`, `review`, `sort`), `limit` tot 500, en een link `next`
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

## Beheer: alle pagina's onder /manage (voor medewerkers van organisaties, auditors, moderatoren en beheerders)

manage-breadcrumb = Beheer
manage-page-title = { $page } – Beheer – Lantern
manage-sign-in-first = Log in om het register te beheren
manage-not-for-you = Niet voor uw rol
manage-not-for-you-why = Deze pagina is voor een andere rol.
manage-back = Terug naar Beheer
manage-heading = Het register beheren
manage-signed-in-as = Ingelogd als
manage-account = ({ $email }), met de rol { $role }.
manage-account-of = ({ $email }), met de rol { $role } bij { $agency }.
manage-auditor-heading = Een audit vastleggen
manage-auditor-how = Open het register van het systeem dat u hebt geaudit: op die pagina staat een link om een audit vast te leggen.
manage-auditor-find = Zoek het systeem
manage-auditor-only = Alleen auditors kunnen audits vastleggen; organisaties kunnen hun eigen systemen niet als geaudit markeren.
manage-admin-heading = Het register beheren
manage-admin-agencies = Organisaties
manage-admin-agencies-what = organisaties aanmaken en instellen wie hun concepten moet goedkeuren
manage-admin-accounts = Accounts
manage-admin-accounts-what = accounts aanmaken, rollen geven, blokkeren, uitloggen, een nieuw wachtwoord instellen
manage-admin-log = Auditlog
manage-admin-log-what = elke wijziging in het register: wie, wanneer, wat
manage-admin-feedback = Reacties van burgers
manage-admin-feedback-what = de moderatiewachtrij
manage-admin-settings = Instellingen
manage-admin-settings-what = moderatie, meldingen, bewaartermijn van e-mailadressen, de limiet, herzieningstermijnen en begrijpelijke taal
manage-moderator-heading = Reacties van burgers modereren
manage-moderator-queue = De moderatiewachtrij
manage-moderator-queue-what = reacties die op u wachten, en reacties die lezers hebben gemeld.
manage-change-password = Uw wachtwoord wijzigen
manage-sign-out = Uitloggen
manage-waiting-for-you = Wacht op u
manage-waiting-pending = { $count ->
    [0] Geen reactie wacht op een moderator
    [one] { $count } reactie wacht op een moderator
   *[other] { $count } reacties wachten op een moderator
}
manage-waiting-flagged = { $count ->
    [0] Geen reactie gemeld door lezers
    [one] { $count } reactie gemeld door lezers
   *[other] { $count } reacties gemeld door lezers
}
manage-desk-loading = De systemen van uw organisatie worden geladen…
manage-rule-approval = Concepten worden gepubliceerd zodra een goedkeurder die ze niet zelf schreef ze goedkeurt.
manage-rule-no-approval = Redacteuren en goedkeurders publiceren concepten zelf.
manage-waiting-for-agency = Wacht op uw organisatie
manage-waiting-questions = { $count ->
    [0] Geen vraag van het publiek wacht op een antwoord
    [one] { $count } vraag van het publiek wacht op een antwoord
   *[other] { $count } vragen van het publiek wachten op een antwoord
}
manage-waiting-approval = { $count ->
    [0] Geen concept wacht op goedkeuring
    [one] { $count } concept wacht op goedkeuring
   *[other] { $count } concepten wachten op goedkeuring
}
manage-waiting-writing = { $count ->
    [0] Geen concept in bewerking
    [one] { $count } concept in bewerking
   *[other] { $count } concepten in bewerking
}
manage-waiting-reviews-overdue = { $count ->
    [0] Geen registratie is te laat voor herziening
    [one] { $count } registratie is te laat voor herziening
   *[other] { $count } registraties zijn te laat voor herziening
}
manage-waiting-reviews-soon = { $count ->
    [0] Geen registratie moet de komende 30 dagen worden herzien
    [one] { $count } registratie moet de komende 30 dagen worden herzien
   *[other] { $count } registraties moeten de komende 30 dagen worden herzien
}
manage-reviews = Te herzien
manage-no-reviews = Geen registratie is te laat voor herziening of moet de komende 30 dagen worden herzien.
manage-reviews-how = Een registratie moet een jaar na de laatste versie of herziening worden herzien (een half jaar bij een hoog risico). Open ze, controleer of ze nog klopt en bevestig dat („Herzien, geen wijziging”) of publiceer een nieuwe versie: de termijn begint opnieuw.
manage-review-overdue = herziening te laat sinds { $date }
manage-review-due = te herzien vóór { $date }
manage-tokens-link = API-tokens
manage-tokens-what = voor de eigen software van uw organisatie.
manage-add-system = Een systeem toevoegen
manage-import-link = Uw inventaris importeren
manage-drafts = Concepten
manage-no-drafts = Geen concepten.
manage-drafts-system = Systeem
manage-drafts-state = Status
manage-drafts-author = Laatst bewerkt door
manage-drafts-changed = Gewijzigd
manage-published = Gepubliceerde systemen ({ $count })
manage-published-updated = bijgewerkt op { $date }

## Beheer: de velden van de formulieren

form-date-hint = Bijvoorbeeld 31 maart 2025.
form-not-stated = Niet vermeld
form-choose = Kies…
form-field-comment-note = Notitie bij reactie { $comment }
form-field-comment-confirm = Controle op persoonsgegevens van reactie { $comment }
form-field-comment-answer = Antwoord op reactie { $comment }
form-field-confirm_retire = Buitengebruikstelling bevestigen
form-field-change_summary = Wat is er gewijzigd
form-field-audited_on = Datum van de audit
form-field-outcome = Uitkomst
form-field-findings = Bevindingen
form-field-report_url = Webadres van het rapport
form-field-next_due = Volgende audit uiterlijk
form-field-retired_on = Buiten gebruik sinds
form-field-review_by = Herzien vóór
form-field-slug = Korte naam (slug)
form-field-email = E-mailadres
form-field-role = Rol
form-field-agency = Organisatie
form-field-password = Wachtwoord
form-field-current_password = Huidig wachtwoord
form-field-password_again = Nieuw wachtwoord nogmaals
form-field-expires_in_days = Werkt niet meer na
form-field-label = Waarvoor het dient
form-field-scope = Bevoegdheid
form-row-name = Naam
form-row-description = Beschrijving
form-row-source = Bron
form-row-personal_data = Persoonsgegevens
form-row-sensitive_attributes = Gevoelige kenmerken
form-row-sensitive_attributes-hint = Gescheiden door komma's, bijvoorbeeld leeftijd, etniciteit.
form-row-kind = Soort
form-row-date = Datum
form-row-url = Webadres
form-row-url-hint = Waar de beoordeling te lezen is.
form-row-field = Veld
form-row-reason = Reden
form-row-reason-hint = De wettelijke grondslag, bijvoorbeeld “Uitzondering opsporing, artikel 31”.

## Beheer: het formulier van een systeem

manage-form-loading = Het register wordt geladen…
manage-form-edit = { $name } bewerken
manage-form-lede = Opslaan bewaart een concept: niets is openbaar tot het is gepubliceerd.
manage-form-save = Concept opslaan
manage-form-this-change = Deze wijziging
manage-form-change-summary-hint = Eén regel voor de openbare geschiedenis, bijvoorbeeld “Resultaten van de eerlijkheidstest toegevoegd”.
manage-form-markdown-hint = Markdown: **vet**, *cursief*, lijsten, [links](https://…).
manage-form-add-another = Nog een { $entry } toevoegen
manage-form-preview = Voorbeeld
manage-form-languages = Talen
manage-form-language = Taal van de registratie
manage-form-language-hint = De taal waarin uw organisatie deze registratie schrijft.
manage-form-translation = Vertaling in het { $language }
manage-form-translation-hint = Vul in wat uw organisatie heeft vertaald; laat de rest leeg. Lezers van deze taal lezen het origineel waar een tekst leeg is. Er wordt niets automatisch vertaald.

## Beheer: de werkstroom van een systeem

manage-desk-published = Gepubliceerd: versie { $version }.
manage-desk-public-page = Openbare pagina
manage-desk-history = Geschiedenis
manage-desk-not-published = Nog niet gepubliceerd: alleen uw organisatie kan dit systeem zien.
manage-desk-draft-submitted = Concept wacht op een goedkeurder
manage-desk-draft-writing = Concept in bewerking
manage-desk-draft-written = , laatst bewerkt door { $author } op { $date }.
manage-desk-what-changed = Wat is er gewijzigd:
manage-desk-preview = Voorbeeld van het concept
manage-desk-preview-what = Precies zoals de openbare pagina het laat zien na publicatie.
manage-desk-edit-draft = Het concept bewerken
manage-desk-edit-record = De registratie bewerken
manage-desk-actions = Wat u kunt doen
manage-desk-publish = Het concept publiceren
manage-desk-submit-why = Uw organisatie publiceert concepten zodra een goedkeurder die ze niet zelf schreef ze goedkeurt.
manage-desk-submit = Ter goedkeuring aanbieden
manage-desk-approve = Goedkeuren en publiceren
manage-desk-own-draft = U hebt dit concept zelf geschreven: een andere goedkeurder moet het goedkeuren.
manage-desk-discard = Het concept verwijderen
manage-desk-review = Herzien, geen wijziging
manage-desk-review-what = Hebt u de gepubliceerde registratie gecontroleerd en klopt ze nog zoals ze is, zeg dat dan: de herzieningstermijn begint opnieuw, en de geschiedenis en de wijzigingenfeed tonen dat ze is herzien. Wilt u iets veranderen, bewerk de registratie dan.
manage-desk-review-button = Bevestigen dat ze nog klopt
# { $date } is een datum in woorden: "4 juni 2027".
manage-desk-review-due = Moet herzien zijn op { $date }.
manage-desk-review-date = Eerder herzien
manage-desk-review-date-what = Kies een datum vóór de herzieningsdatum van het register als deze registratie eerder herzien moet worden, bijvoorbeeld omdat het systeem binnenkort verandert. Laat het veld leeg en sla op om terug te gaan naar de datum van het register.
manage-desk-review-date-button = De herzieningsdatum instellen
manage-desk-retire = Dit systeem buiten gebruik stellen
manage-desk-retire-confirm = Ja, stel “{ $name }” buiten gebruik: de registratie blijft openbaar, gemarkeerd als buiten gebruik vanaf deze datum
manage-audit-recorded-as = Vastgelegd als { $name }. De openbare pagina toont de laatste audit.
manage-audit-markdown = Markdown is toegestaan.
manage-audit-record = De audit vastleggen

## Fouten: wat een pagina of de API zegt als iets niet kan

error-not_found = Op dit adres bestaat niets: geen systeem, organisatie, concept, import of token.
error-forbidden = Dit mag u niet doen: het hoort bij een andere organisatie, of gaat verder dan uw rol of token toestaat.
error-unauthorized = Log eerst in, of stuur een API-token van een organisatie mee.
error-invalid_field = Sommige velden kloppen niet: bij elk staat wat er mis is.
error-too_many_requests = Te veel verzoeken: wacht even en probeer het opnieuw.
error-search_unavailable = Zoeken werkt op dit moment niet: probeer het over een paar minuten opnieuw. Registraties, organisaties en de open data werken nog wel.
error-internal = Er ging bij ons iets mis: probeer het later opnieuw.

## Beheer: wat de formulieren antwoorden

form-too-large = Dit formulier is te groot om te lezen (meer dan 1 MiB): maak de langste teksten korter en verstuur het opnieuw.
form-expired = Dit formulier is verlopen of kwam niet van Lantern: ga terug, laad de pagina opnieuw en probeer het nog eens.

## Controles: wat er mis is met een registratie, audit of account zoals die is verstuurd

check-json-object = Stuur het systeem als JSON-object
check-not-a-field = “{ $key }” is geen veld van een systeem
check-not-a-field-here = “{ $key }” is hier geen veld
check-agency-slug = Gebruik de korte naam (slug) van de organisatie: kleine letters, cijfers en streepjes
check-choose-one-of = Kies een van: { $names }
check-not-one-of = “{ $text }” is niet een van: { $names }
check-not-empty = Mag niet leeg zijn
check-text = Moet tekst zijn
check-too-long = Mag hoogstens { $max } tekens lang zijn
check-too-long-has = Mag hoogstens { $max } tekens lang zijn (het zijn er { $chars })
check-contact = Moet een e-mailadres zijn of een webadres dat begint met https://
check-url = Moet een webadres zijn dat begint met https:// of http://
check-date = Moet een datum zijn geschreven als JJJJ-MM-DD, zoals 2025-03-31
check-real-date = Moet een bestaande datum zijn, zoals 31 maart 2025
check-list = Moet een lijst zijn
check-list-too-long = Mag hoogstens { $max } items hebben
check-object = Moet een object zijn
check-cannot-withhold = “{ $field }” kan niet worden achtergehouden; deze wel: { $names }
check-withheld-twice = “{ $field }” is hierboven al achtergehouden
check-retired-before = Mag niet vóór de datum liggen waarop het in gebruik kwam
check-one-line = Moet één regel zijn zonder stuurtekens
check-bidi = Mag geen tekens bevatten die de leesrichting omkeren (U+202A–U+202E, U+2066–U+2069)
check-control = Mag geen stuurtekens bevatten
check-audit-date = Vul de datum van de audit in
check-audit-next-due = Moet na de datum van de audit liggen
check-email = Vul een e-mailadres in zoals naam@organisatie.nl
check-account-name = Vul een naam in van 1 tot 200 tekens
check-account-needs-agency = Een account met de rol { $role } hoort bij een organisatie: geef de korte naam ervan
check-account-no-agency = Een account met de rol { $role } hoort niet bij een organisatie
check-password-short = Kies een wachtwoord van minstens { $limit } tekens
check-password-long = Kies een wachtwoord van hoogstens { $limit } bytes
check-form-topic = Kies het onderwerp dat het best past bij waarvoor het systeem dient
check-form-or-unstated = Kies er een uit de lijst, of “Niet vermeld”
check-form-tick = Vink aan welke het gebruikt
check-form-field = Kies een veld uit de lijst
check-not-a-language = “{ $code }” is geen taal van dit register: { $names }
check-translation-original = De registratie is geschreven in “{ $language }”: een vertaling is in een andere taal
check-not-translatable = “{ $key }” kan niet worden vertaald; deze wel: { $names }

## Beheer: wat de stappen van een concept antwoorden als ze niet kunnen

steps-no-draft-to-submit = Dit systeem heeft geen concept om aan te bieden
steps-no-draft-to-discard = Dit systeem heeft geen concept om te verwijderen
steps-no-draft-waiting = Dit systeem heeft geen concept dat op goedkeuring wacht
steps-retired-on = Vul de datum in waarop het systeem buiten gebruik is gesteld
steps-already-retired = Dit systeem is al buiten gebruik gesteld
steps-retired-not-reviewed = Een systeem dat buiten gebruik is, wordt niet herzien
steps-review-date-past = Kies een herzieningsdatum na vandaag
# { $date } is de eigen herzieningsdatum van het register voor de registratie, in woorden.
steps-review-date-later = Kies een datum vóór { $date }, de eigen herzieningsdatum van het register voor deze registratie; laat het veld leeg om die datum te houden
steps-confirm-retire = Vink het vakje aan om te bevestigen dat dit systeem buiten gebruik is
steps-retire-draft = Dit systeem heeft een concept: publiceer dat eerst, of zet in het concept de fase op buiten gebruik


## Moderatiewachtrij (/manage/feedback)

# In het tabblad van de browser: "Moderatie – Beheer – Lantern".
moderation-title = Moderatie
moderation-heading = Reacties van burgers
moderation-loading = De wachtrij wordt geladen…
# De naam van de tabbladen van de wachtrij, voor schermlezers.
moderation-filters = Welke reacties
# De tabbladen van de wachtrij, elk gevolgd door het aantal: "Wachtend (2)".
moderation-filter-pending = Wachtend
moderation-filter-flagged = Gemeld
moderation-filter-hidden = Verborgen
moderation-filter-published = Gepubliceerd
moderation-empty-pending = Hier staat niets: er wacht geen enkele reactie.
moderation-empty-flagged = Hier staat niets: er is geen enkele reactie gemeld.
moderation-empty-hidden = Hier staat niets: er is geen enkele reactie verborgen.
moderation-empty-published = Hier staat niets: er is geen enkele reactie gepubliceerd.
moderation-count-all = { $count ->
    [one] { $count } reactie.
   *[other] { $count } reacties, de nieuwste eerst.
}
# De wachtrij toont de nieuwste 200 als er meer zijn.
moderation-count-newest = De nieuwste { $shown } van { $count } reacties.
moderation-no-name = Geen naam opgegeven
# De kop van een reactie, gevolgd door de naam van het systeem als link: "Vraag over Risicoscore uitkeringsfraude".
moderation-kind-on = { $kind } over
# Onder de kop van een reactie: wie haar stuurde, wanneer, en de organisatie van het systeem.
moderation-meta = { $name } · verstuurd op { $date } · { $agency }
moderation-hidden = Verborgen: { $reason }
# { $note } is wat de moderator die haar verborg schreef voor andere moderatoren.
moderation-hidden-note = Verborgen: { $reason } ({ $note })
# { $reasons } is de lijst van redenen die lezers gaven, bijvoorbeeld "Spam, Beledigend".
moderation-reported = { $count ->
    [one] Eén keer gemeld door een lezer: { $reasons }
   *[other] { $count } keer gemeld door lezers: { $reasons }
}
moderation-personal-data = Er staan mogelijk persoonsgegevens in (een e-mailadres of een telefoonnummer).
moderation-wants-reply = De afzender heeft een e-mailadres achtergelaten voor een antwoord.
moderation-confirm-personal-data = Ik heb de reactie gelezen: er staan geen persoonsgegevens in, of alleen gegevens die de afzender openbaar wilde maken
moderation-publish = Publiceren
moderation-keep-published = Gepubliceerd laten
moderation-hide = Verbergen
# Een gepubliceerde reactie verbergen.
moderation-take-down = Offline halen
moderation-reason = Reden
moderation-note = Notitie voor andere moderatoren (niet verplicht)
# Geweigerde formulieren; { $reasons } is de lijst van redenen, bijvoorbeeld "Spam, Beledigend, Persoonsgegevens, Niet ter zake".
moderation-choose-decision = Kies of u de reactie publiceert, of verbergt met een van deze redenen: { $reasons }.
moderation-check-personal-data = Er staan mogelijk persoonsgegevens in: lees de reactie en vink aan dat er geen in staan voordat u haar publiceert
moderation-check-note-long = De notitie mag hoogstens { $most } tekens zijn
moderation-check-note-line = De notitie moet één regel zijn, zonder stuurtekens
# Wat de wachtrij zegt na een besluit: "Reactie 12 gepubliceerd (Vraag over Risicoscore uitkeringsfraude)."
moderation-done-published = Reactie { $comment } gepubliceerd ({ $kind } over { $system }).
# { $reason } is de gekozen reden, met een kleine letter: "Reactie 12 verborgen (Vraag over Risicoscore uitkeringsfraude): spam."
moderation-done-hidden = Reactie { $comment } verborgen ({ $kind } over { $system }): { $reason }.
moderation-done-taken-down = Reactie { $comment } offline gehaald ({ $kind } over { $system }): { $reason }.

## Vragen van het publiek, voor de organisatie die ze beantwoordt (/manage/answers)

answers-heading = Vragen van het publiek
answers-lede = Vragen en foutmeldingen over de systemen van uw organisatie, zodra een moderator ze heeft gepubliceerd. Uw antwoord verschijnt onder de vraag als het officiële antwoord van uw organisatie.
answers-waiting = { $count ->
    [one] { $count } wacht op een antwoord.
   *[other] { $count } wachten op een antwoord.
}
answers-stats = { $answered } van { $items } beantwoord.
# { $median } is een duur: "3 dagen".
answers-stats-median = { $answered } van { $items } beantwoord, in een mediane tijd van { $median }.
answers-none = Nog niemand heeft iets gevraagd over de systemen van uw organisatie.
# Onder de kop van een vraag: wie haar stelde, wanneer ze werd gepubliceerd, en { $status } (een van de twee hieronder).
answers-meta = { $name } · gepubliceerd op { $date } · { $status }
answers-answered-on = Beantwoord op { $date }
# { $duration } is hoe lang de vraag al wacht: "3 dagen".
answers-waiting-for = Wacht al { $duration }
answers-your-answer = Het antwoord van uw organisatie
answers-answer = Antwoord
answers-update = Het antwoord bijwerken
answers-publish = Het antwoord publiceren
answers-only-published = Alleen gepubliceerde vragen en foutmeldingen kunnen worden beantwoord.
answers-check-empty = Schrijf het antwoord
answers-check-long = Het antwoord is { $length } tekens lang: maak het { $most } tekens of korter
answers-check-control = Het antwoord mag geen stuurtekens bevatten

## Instellingen voor reacties, voor beheerders (/manage/settings)

settings-heading = Instellingen
settings-loading = De instellingen worden geladen…
settings-when = Wanneer verschijnen reacties?
settings-pre = Nadat een moderator ze heeft goedgekeurd (moderatie vooraf)
settings-post = Meteen; moderatoren bekijken ze achteraf (moderatie achteraf). Een reactie waarin persoonsgegevens lijken te staan, wacht toch op een moderator.
settings-flags-to-hide = Meldingen waarna een reactie wordt verborgen
settings-flags-to-hide-hint = Meldingen van zoveel lezers verbergen een gepubliceerde reactie totdat een moderator ernaar heeft gekeken.
settings-email-retention = Dagen dat een e-mailadres voor een antwoord wordt bewaard
settings-email-retention-hint = E-mailadressen die voor een antwoord zijn achtergelaten, worden na zoveel dagen verwijderd.
settings-submissions = Berichten per lezer per uur
settings-submissions-hint = Reacties en meldingen die één lezer in een uur mag sturen.
settings-save = De instellingen opslaan
# De instellingen die nu gelden. { $moderation } is "pre" (vooraf) of "post" (achteraf); { $kept } is een duur: "90 dagen".
settings-now = Nu: reacties verschijnen { $moderation ->
    [pre] na goedkeuring
   *[other] meteen
}; { $flags ->
    [one] { $flags } melding verbergt
   *[other] { $flags } meldingen verbergen
} een reactie; e-mailadressen worden { $kept } bewaard; een lezer mag { $messages ->
    [one] { $messages } bericht
   *[other] { $messages } berichten
} per uur sturen.
settings-check-moderation = Kies moderatie vooraf of achteraf
# { $label } is een van de drie instellingen hierboven: "„Meldingen waarna een reactie wordt verborgen” moet een geheel getal van 1 tot en met 100 zijn".
settings-check-number = „{ $label }” moet een geheel getal van { $from } tot en met { $to } zijn
settings-feedback = Reacties van burgers
settings-oversight = Herziening en begrijpelijke taal
settings-review-months = Maanden tot een registratie herzien moet worden
settings-review-months-hint = Gerekend vanaf de laatste versie of herziening. Een organisatie kan voor een van haar registraties een eerdere datum kiezen.
settings-high-risk-review-months = Maanden tot een registratie met hoog risico herzien moet worden
settings-high-risk-review-months-hint = Hetzelfde voor systemen met hoog risico en verboden systemen. Na een wijziging schuift de herzieningsdatum van elke registratie binnen enkele minuten mee.
settings-reading-ease = Leesgemak om naar te streven
settings-reading-ease-hint = Van 0 (erg moeilijk) tot 100 (erg makkelijk). Het formulier geeft redacteuren advies als een tekst lager scoort: Flesch-Douma voor Nederlands, Flesch voor Engels. 60 komt ongeveer overeen met taalniveau B1.
settings-now-oversight = Nu: een registratie moet { $months ->
    [one] { $months } maand
   *[other] { $months } maanden
} na de laatste versie of herziening herzien worden ({ $high_risk_months ->
    [one] { $high_risk_months } maand
   *[other] { $high_risk_months } maanden
} bij hoog risico); teksten moeten een leesgemak van { $ease } halen.


## Beheer: API-tokens (/manage/tokens)

tokens-lede = Met tokens kan de eigen software van uw organisatie via de API in het register schrijven, als `Authorization: Bearer …`. Een concepttoken schrijft alleen concepten; een publicatietoken publiceert (of dient ter goedkeuring in, als uw organisatie dat vereist).
tokens-created = Token { $id } is aangemaakt
tokens-copy-now = Kopieer het nu: het wordt maar één keer getoond, en Lantern bewaart er alleen een vingerafdruk van.
tokens-create-heading = Een token aanmaken
tokens-label-hint = Bijvoorbeeld “Inventaris synchroniseren”.
tokens-expires-never = Als het wordt ingetrokken
tokens-expires-30 = Na 30 dagen
tokens-expires-90 = Na 90 dagen
tokens-expires-365 = Na een jaar
tokens-create = Token aanmaken
tokens-yours = Tokens van uw organisatie
tokens-loading = De tokens van uw organisatie worden geladen…
tokens-none = Nog geen.
tokens-id = Nr.
tokens-for = Voor
tokens-created-column = Aangemaakt
tokens-last-used = Laatst gebruikt
tokens-expires = Verloopt
tokens-state = Status
tokens-scope-short = { $scope ->
    [publish] Publiceren
   *[draft] Concept
}
tokens-created-by = { $date } door { $email }
tokens-never = nooit
tokens-revoked = Ingetrokken op { $date }
tokens-expired = Verlopen
tokens-revoke = Token { $id } intrekken
tokens-check-scope = Kies concept of publiceren
tokens-check-expiry = Kies wanneer het token niet meer werkt: een aantal dagen van 1 tot en met 3650, of nooit
tokens-check-label = Gebruik hoogstens 100 tekens op één regel

## Beheer: organisaties (/manage/agencies)

admin-agencies-approval = Goedkeuring
admin-agencies-required = Verplicht
admin-agencies-not-required = Niet verplicht
admin-agencies-stop-requiring = Goedkeuring niet meer verplichten ({ $slug })
admin-agencies-require = Goedkeuring verplicht stellen ({ $slug })
admin-agencies-create-heading = Een organisatie aanmaken
admin-agencies-slug-hint = Kleine letters, cijfers en koppeltekens; wordt gebruikt in webadressen. Verandert nooit.
admin-agencies-name = Naam
admin-agencies-jurisdiction-hint = Bijvoorbeeld “Republiek Northvale”.
admin-agencies-contact-hint = Een e-mailadres of webadres.
admin-agencies-description = Beschrijving
admin-agencies-requires-approval = Concepten moeten worden goedgekeurd door een goedkeurder
admin-agencies-create = Organisatie aanmaken
admin-agencies-check-slug = Gebruik 1 tot en met 64 kleine letters, cijfers en koppeltekens, zoals belastingdienst
admin-agencies-check-website = Moet een webadres zijn dat begint met https://
admin-agencies-taken = Er bestaat al een organisatie met de korte naam { $slug }

## Beheer: de auditlog (/manage/log). Wat elke regel deed, blijft in het Engels.

admin-log-lede = Elke wijziging in het register: wie, in welke rol, wanneer, en wat er is gedaan.
admin-log-loading = De auditlog wordt geladen…
admin-log-when = Wanneer (UTC)
admin-log-who = Wie
admin-log-as = Als
admin-log-what = Wat
admin-log-older = Oudere regels
admin-log-token = API-token { $id }
admin-log-as-token = { $scope ->
    [publish] API-token dat publiceert
   *[draft] API-token voor concepten
}
admin-log-terminal = Opdrachtregel

## Beheer: accounts (/manage/accounts) en het eigen wachtwoord (/manage/password)

accounts-loading = De accounts worden geladen…
accounts-create-heading = Een account aanmaken
accounts-name = Naam
accounts-name-hint = Staat bij wat het account schrijft; voor een auditor de naam van de toezichthouder.
accounts-agency = Korte naam (slug) van de organisatie
accounts-agency-hint = Alleen voor redacteuren en goedkeurders.
accounts-first-password = Eerste wachtwoord
accounts-first-password-hint = Minstens 12 tekens. Geef het op een veilige manier aan de persoon.
accounts-create = Account aanmaken
accounts-facts = { $name } · { $role } · aangemaakt op { $date } · { $state } · { $sessions }
accounts-role-of = { $role } bij { $agency }
accounts-active = actief
accounts-disabled-since = uitgeschakeld sinds { $date }
accounts-sessions = { $count ->
    [0] niet ingelogd
    [one] { $count } actieve sessie
   *[other] { $count } actieve sessies
}
accounts-enable = { $email } inschakelen
accounts-disable = { $email } uitschakelen
accounts-sign-out = { $email } uitloggen
accounts-new-password-for = Nieuw wachtwoord voor { $email }
accounts-set-password = Wachtwoord instellen
accounts-password-set = Nieuw wachtwoord ingesteld voor { $email }; { $count ->
    [one] { $count } sessie is beëindigd.
   *[other] { $count } sessies zijn beëindigd.
}
accounts-disabled = { $email } is uitgeschakeld: het account kan niet meer inloggen, en { $count ->
    [one] { $count } sessie is beëindigd.
   *[other] { $count } sessies zijn beëindigd.
}
accounts-enabled = { $email } is ingeschakeld: het account kan weer inloggen.
accounts-signed-out = { $email } is uitgelogd: { $count ->
    [one] { $count } sessie is beëindigd.
   *[other] { $count } sessies zijn beëindigd.
}
accounts-cannot-disable-self = U kunt uw eigen account niet uitschakelen; een andere registerbeheerder kan dat wel
accounts-password-title = Uw wachtwoord
accounts-password-lede = Uw andere sessies (in andere browsers, op andere apparaten) worden beëindigd als u het wijzigt; deze sessie blijft actief.
accounts-new-password = Nieuw wachtwoord
accounts-new-password-hint = Minstens 12 tekens.
accounts-change-password = Wachtwoord wijzigen
accounts-check-passwords-differ = De twee nieuwe wachtwoorden zijn niet hetzelfde
accounts-check-current-password = Dit is niet uw huidige wachtwoord
accounts-password-changed = Uw wachtwoord is gewijzigd. { $count ->
    [one] { $count } andere sessie is beëindigd
   *[other] { $count } andere sessies zijn beëindigd
}; deze sessie blijft actief.

## Beheer: een inventaris importeren (/manage/import)

import-title = Importeren
import-done-heading = { $file } is geïmporteerd
import-done = { $published ->
    [one] { $published } systeem gepubliceerd
   *[other] { $published } systemen gepubliceerd
}, { $submitted } ter goedkeuring ingediend.
import-back = Terug naar de systemen van uw organisatie
import-lede = Upload de inventaris die u al bijhoudt. U ziet wat die zou wijzigen voordat er iets wordt opgeslagen; daarna wordt het hele bestand in één keer opgeslagen, of niets.
import-format = Formaat
import-format-us = Inventaris van AI-toepassingen van de Amerikaanse federale overheid 2025 (CSV, 36 kolommen)
import-format-json = Lantern JSON: `{"{"}"systems": […]{"}"}`, elk systeem zoals de API het aanneemt
import-file = Bestand
import-file-hint = Rijen van andere organisaties worden gemeld, niet geïmporteerd. Hoogstens 32 MB.
import-preview-button = Bekijk wat de import doet
import-preview-heading = Voorbeeld van { $file }
import-would-do = Wat importeren zou doen
import-new-systems = Nieuwe systemen
import-changed-systems = Gewijzigde systemen (elk een nieuwe versie)
import-unchanged = Ongewijzigd
import-with-problems = Rijen met problemen (niet geïmporteerd)
import-other-agencies = Rijen van andere organisaties (niet geïmporteerd)
import-confirm = { $count ->
    [one] { $count } systeem importeren
   *[other] { $count } systemen importeren
}
import-cancel = Annuleren
import-nothing = Niets te importeren: elke rij is ongewijzigd of afgewezen.
import-upload-another = Een ander bestand uploaden
import-new = Nieuw
import-changed = Gewijzigd
import-row = Rij { $row }: { $name }
import-problems = Rijen met problemen
import-problems-fix = Verbeter deze rijen in het bestand en upload het opnieuw; de andere rijen kunnen nu worden geïmporteerd.
import-other-agencies-count = Rijen van andere organisaties ({ $count })
import-other-agencies-why = Alleen de rijen van uw organisatie worden geïmporteerd; deze horen bij andere organisaties.
import-rows = { $count ->
    [one] { $count } rij
   *[other] { $count } rijen
}: { $rows }
import-rows-more = { $rows } en nog { $count }
import-not-your-agency = { $agency } ({ $slug }), niet uw organisatie
import-id-of-another-agency = het systeem met dit id hoort bij een andere organisatie
import-now-elsewhere = Rij { $row }: het systeem { $id } hoort nu bij een andere organisatie; er is niets geïmporteerd
import-check-file = Kies een bestand om te importeren
import-check-format = Kies us-omb-2025 of lantern-json
import-cannot-import = Dit bestand kan niet worden geïmporteerd: { $problem }
import-not-multipart = Stuur de import als bestandsupload (multipart/form-data).
import-too-large = Dit bestand is te groot of kon niet worden gelezen: u kunt bestanden tot 32 MB importeren.
import-file-empty = het bestand is leeg
import-file-not-text = het bestand is geen tekst (het is binair of geen UTF-8), dus het is geen us-omb-2025-CSV-bestand
import-file-wrong-columns = het bestand is geen us-omb-2025-CSV-bestand: { $problems }
import-file-missing-columns = ontbrekende kolommen: { $columns }
import-file-unexpected-columns = onverwachte kolommen: { $columns }
import-file-more-columns = en nog { $count }
import-file-csv = de CSV kon niet worden gelezen: { $problem }
import-file-not-json = het bestand is geen JSON: { $problem }
import-file-no-systems = het bestand is niet in het JSON-formaat van Lantern: bovenaan moet een lijst "systems" staan
import-row-not-csv = kon niet als CSV worden gelezen: { $problem }
import-row-cells = heeft { $cells } cellen; dit formaat heeft er { $columns }
import-row-duplicate = precies gelijk aan rij { $row }
import-row-id-taken = id “{ $id }” van organisatie { $agency } wordt al gebruikt door rij { $row } met andere inhoud; verbeter het id in de bron
import-row-no-agency = agency is leeg: elk systeem hoort bij een organisatie
import-row-agency-slug = van agency “{ $agency }” kan geen slug worden gemaakt
import-row-no-name = use_case_name is leeg: elk systeem heeft een naam nodig
import-row-stage = development_stage “{ $value }” is niet een van: Pre-deployment, Pilot, Deployed, Retired
import-row-high-impact = is_high_impact “{ $value }” is niet een van: High-impact, Presumed High-Impact, but Not High-impact, Not High-impact
import-row-not-object = geen JSON-object
import-row-id = id: moet bestaan uit 1 tot 64 kleine letters, cijfers en koppeltekens, zoals 7k2m9x4q1b3c
import-row-agency-missing = agency: geef de slug van de organisatie waar het systeem bij hoort
import-row-agency-unknown = agency: geen organisatie heeft de slug “{ $slug }”
import-row-no-reference = een nieuw systeem heeft een "agency_ref" nodig (of het "id" van een systeem dat al in het register staat), zodat een volgende import het terugvindt

## Atom-feeds van de wijzigingen

feed-register-title = Lantern: wijzigingen in het register
feed-agency-title = Lantern: wijzigingen in de systemen van { $agency }
feed-search-title = Lantern: wijzigingen in de systemen van de zoekopdracht ‘{ $search }’
feed-system-title = Lantern: wijzigingen in { $system }
feed-topic-title = Lantern: wijzigingen in de systemen met het onderwerp ‘{ $topic }’
feed-published = gepubliceerd
feed-updated = bijgewerkt naar versie { $version }
feed-retired = buiten gebruik gesteld
feed-audited = geaudit
feed-reviewed = herzien, geen wijziging
feed-audit = { $outcome } door { $auditor } op { $date }
feed-version = Versie { $version }

## Het gegevenswoordenboek op /open-data: wat de velden buiten de registratie en de overige kolommen van de CSV bevatten

dictionary-field-id = De vaste openbare id: nooit hergebruikt, blijft bij een nieuwe naam.
dictionary-field-url = De pagina van de registratie in dit register (een pad).
dictionary-field-agency = De korte naam (slug) van de organisatie die het systeem beheert.
dictionary-field-agency_name = De naam van de organisatie die het systeem beheert.
dictionary-field-agency_contact = Het openbare contact van de organisatie.
dictionary-field-version = Het nummer van de huidige versie: 1, 2, 3…
dictionary-field-published_at = Wanneer de huidige versie is gepubliceerd: RFC 3339, UTC.
dictionary-field-reviewed_at = Wanneer de organisatie de registratie voor het laatst heeft nagekeken: RFC 3339, UTC.
dictionary-field-audit = De laatste audit naar datum; null als er nooit een audit was.
dictionary-field-audit_overdue = Of de volgende audit van de laatste audit te laat is.
dictionary-field-review_by = Wanneer de organisatie de registratie moet herzien: de laatste versie of herziening plus 12 maanden, of 6 bij een systeem met een hoog risico (RFC 3339, UTC); null bij een systeem dat buiten gebruik is, dat niet wordt herzien.
dictionary-field-review_overdue = Of die datum voorbij is zonder nieuwe versie of herziening.
dictionary-field-translated_into = De taal van de vertaling waarin de teksten staan, als het verzoek erom vroeg en de organisatie haar gaf.
dictionary-field-language = De taal waarin de organisatie de registratie schreef; afwezig: de standaardtaal van het register.
dictionary-field-translations = De teksten van de registratie in andere talen, zoals de organisatie ze gaf: taalcode → veldnaam → tekst.
dictionary-field-completeness = Welke van de velden die van dit soort systeem worden verwacht (naar risiconiveau en rol bij besluiten over mensen) zijn ingevuld: een score van 0 tot 100, de verwachte velden en de ontbrekende. Een veld dat met een reden is achtergehouden, telt als beantwoord.
dictionary-column-id = De vaste openbare id
dictionary-column-url = De pagina van de registratie in dit register (een pad)
dictionary-column-agency = De korte naam (slug) van de organisatie
dictionary-column-agency_name = De naam van de organisatie
dictionary-column-data_sets = De namen van de gegevensverzamelingen, samengevoegd
dictionary-column-personal_data = Het meest identificerende niveau van de gegevensverzamelingen: none, pseudonymised of identified
dictionary-column-sensitive_attributes = Gevoelige kenmerken van alle gegevensverzamelingen, samengevoegd
dictionary-column-version = Het nummer van de huidige versie
dictionary-column-published_at = Wanneer de huidige versie is gepubliceerd (RFC 3339, UTC)
dictionary-column-reviewed_at = Wanneer de organisatie haar voor het laatst heeft nagekeken (RFC 3339, UTC)
dictionary-column-audit_outcome = De uitkomst van de laatste audit, of leeg als er nooit een audit was
dictionary-column-audited_on = De datum van de laatste audit
dictionary-column-auditor = Wie de audit deed
dictionary-column-audit_next_due = Wanneer de volgende audit moet plaatsvinden
dictionary-column-audit_report_url = Het auditrapport
dictionary-column-audit_overdue = true zodra de volgende audit te laat is
dictionary-column-language = De taal waarin de organisatie de registratie schreef; leeg: de standaardtaal van het register
dictionary-column-completeness = Het deel van de velden dat van dit soort systeem wordt verwacht en dat de registratie invult, van 0 tot 100
dictionary-column-completeness_missing = De verwachte velden die de registratie leeg laat, met hun kolomnamen, samengevoegd
dictionary-column-review_by = Wanneer de organisatie de registratie moet herzien (RFC 3339, UTC); leeg zodra buiten gebruik
dictionary-column-review_overdue = true zodra die datum voorbij is zonder nieuwe versie of herziening
dictionary-column-translation = De vertaling van { $field } in het { $language } door de organisatie, als zij die gaf

## E-mail (server/src/mail/letters.rs): aan iemand die een adres achterliet voor een antwoord.
# { $kind } is question of error; { $system } de naam van een systeem; { $agency } die van de organisatie.
mail-asker-published-subject = Uw { $kind ->
    [error] foutmelding
   *[question] vraag
} over { $system } is gepubliceerd
mail-asker-published = Een moderator heeft uw { $kind ->
    [error] foutmelding
   *[question] vraag
} over { $system } gepubliceerd. { $agency } beantwoordt die op de pagina van het systeem, en wij sturen u het antwoord.
mail-asker-declined-subject = Uw { $kind ->
    [error] foutmelding
   *[question] vraag
} over { $system } is niet gepubliceerd
# { $reason } is de reden van de moderator: "Niet ter zake".
mail-asker-declined = Een moderator heeft uw { $kind ->
    [error] foutmelding
   *[question] vraag
} over { $system } ({ $agency }) niet gepubliceerd. De reden: { $reason }.
mail-asker-taken-down = Een moderator heeft uw { $kind ->
    [error] foutmelding
   *[question] vraag
} over { $system } ({ $agency }) offline gehaald. De reden: { $reason }.
mail-asker-answered-subject = { $agency } heeft uw { $kind ->
    [error] foutmelding
   *[question] vraag
} over { $system } beantwoord
mail-asker-answered = { $agency } heeft uw { $kind ->
    [error] foutmelding
   *[question] vraag
} over { $system } beantwoord.
mail-asker-you-wrote = U schreef:
mail-asker-the-answer = Het antwoord:
mail-asker-why = U krijgt dit bericht omdat u uw e-mailadres achterliet voor een antwoord. Het wordt nooit gepubliceerd, en het wordt { $days } dagen nadat u schreef verwijderd.
mail-read-online = Lees het op de pagina van het systeem:

## E-mail op /manage van de beheerder
mail-report-heading = E-mail:
mail-report-waiting = { $count ->
    [0] er wacht geen bericht.
    [one] er wacht 1 bericht.
   *[other] er wachten { $count } berichten.
}
mail-report-no-server = Er is geen mailserver ingesteld (LANTERN_SMTP_URL), dus er wordt niets verstuurd: berichten wachten tot er een is.
mail-report-sending = Berichten worden verstuurd zodra ze er zijn.
mail-report-retrying = { $count ->
    [one] 1 wacht op een nieuwe poging.
   *[other] { $count } wachten op een nieuwe poging.
}
mail-report-given-up = { $count ->
    [one] 1 bericht is de afgelopen 30 dagen opgegeven.
   *[other] { $count } berichten zijn de afgelopen 30 dagen opgegeven.
}
mail-report-last-error = Laatste probleem: { $error }.

## Volgen per e-mail (/follow, en de links in die e-mail)
# { $name } is de naam van een organisatie of systeem, of een onderwerp.
mail-follow-what-agency = de organisatie { $name }
mail-follow-what-topic = het onderwerp ‘{ $name }’
mail-follow-what-system = het systeem { $name }
mail-follow-what-search = de zoekopdracht ‘{ $name }’
follow-title = Volgen per e-mail
follow-title-error = Fout: Volgen per e-mail – Lantern
follow-link = Volgen per e-mail
follow-unknown = Hier valt niets te volgen: de organisatie, het onderwerp of het systeem in dit adres bestaat niet.
follow-heading = Volg { $what } per e-mail
follow-what-you-get = Krijg een e-mail wanneer { $what } een nieuw systeem, een nieuwe versie van een beschrijving, een beëindiging, een audit of een officieel antwoord op een vraag heeft.
follow-no-mail = Dit register verstuurt geen e-mail en kan u deze wijzigingen dus niet sturen.
follow-feed = Een feedlezer krijgt dezelfde wijzigingen:
follow-email = Uw e-mailadres
follow-email-hint = We sturen eerst een link naar dit adres: er komt niets anders tot u die opent en bevestigt.
follow-frequency = Hoe vaak?
follow-immediate = Een e-mail per wijziging, zodra die er is
follow-daily = Eén e-mail per dag met de wijzigingen van die dag, op dagen met wijzigingen
follow-privacy = Uw adres wordt alleen voor deze e-mails gebruikt. Het wordt nooit gepubliceerd, en elke e-mail heeft een link om ermee te stoppen, waarmee het wordt verwijderd.
follow-send = Volgen
follow-check-email = Vul een e-mailadres in zoals naam@voorbeeld.nl
follow-check-frequency = Kies hoe vaak u e-mail wilt
follow-too-many = Dit adres of deze verbinding vroeg het afgelopen uur te vaak om te volgen. Probeer het over een uur opnieuw.
follow-sent-heading = Kijk in uw inbox
follow-sent = Als het adres e-mail kan ontvangen, is er een bericht onderweg met een link om te bevestigen dat u { $what } wilt volgen. Er wordt niets anders verstuurd tot de link is geopend.
follow-sent-not-you = Geen bericht? Kijk in uw map met spam. De link werkt 7 dagen.
follow-confirm-title = Bevestig dat u deze e-mails wilt
follow-confirm-ask = { $what } volgen per e-mail ({ $how })?
follow-confirm-button = Ja, stuur mij deze e-mails
follow-confirmed = U volgt { $what } per e-mail ({ $how }). Elke e-mail heeft een link om ermee te stoppen.
follow-unsubscribe-title = Stoppen met deze e-mails
follow-unsubscribe-ask = Stoppen met de e-mails over { $what }? Uw adres wordt verwijderd.
follow-unsubscribe-button = Stop de e-mails
follow-unsubscribed = U krijgt deze e-mails niet meer, en uw adres is verwijderd.
follow-link-wrong = Deze link werkt niet: hij is niet compleet, of niet door dit register gemaakt. Open de link uit de e-mail opnieuw, of kopieer hem helemaal.
follow-link-expired = Deze link is verlopen. Vraag opnieuw om te volgen, en gebruik de nieuwe link binnen 7 dagen.
follow-link-gone = Dit abonnement bestaat niet meer: het is gestopt, of niet op tijd bevestigd.
follow-how-immediate = een e-mail per wijziging
follow-how-daily = één e-mail per dag
follow-confirmed-title = U volgt het per e-mail
follow-unsubscribed-title = De e-mails zijn gestopt
follow-back = Terug naar het register

## E-mail aan wie het register volgt (server/src/mail/letters/followers.rs)
mail-unsubscribe = Stoppen met deze e-mails:
mail-follow-confirm-subject = Bevestig: { $what } volgen per e-mail
mail-follow-confirm = Iemand, hopelijk u, vroeg om { $what } in dit register per e-mail te volgen{ $frequency ->
    [daily] , in één e-mail per dag
   *[immediate] , met een e-mail per wijziging
}.
mail-follow-confirm-link = Bevestig dat u deze e-mails wilt:
mail-follow-confirm-why = Was u dit niet? Negeer dit bericht: er wordt niets meer verstuurd, en het adres wordt na 7 dagen verwijderd.
mail-follow-known-subject = U volgt { $what } al
mail-follow-known = Iemand vroeg met dit adres om { $what } per e-mail te volgen. Dat doet het al, dus er is niets veranderd.
mail-follow-why = U krijgt deze e-mail omdat u { $what } in dit register volgt.
mail-change-published = Nieuw systeem
mail-change-updated = Nieuwe versie
mail-change-retired = Beëindigd
mail-change-audited = Audit vastgelegd
mail-change-answered = Officieel antwoord
mail-change-opening = Iets wat u volgt is gewijzigd: { $system } ({ $agency }).
mail-digest-subject = { $count ->
    [one] 1 wijziging
   *[other] { $count } wijzigingen
} bij { $what }
mail-digest-opening = Wat er bij { $what } gebeurde sinds de vorige e-mail:

## Mail to the people who keep the register: reminders and summaries.
mail-reminder-subject = { $count ->
    [one] 1 ding wacht
   *[other] { $count } dingen wachten
} op { $agency } in het register
mail-reminder-opening = Uw wekelijkse herinnering aan wat er in het register op { $agency } wacht.
mail-reminder-drafts = { $count ->
    [one] 1 concept wacht
   *[other] { $count } concepten wachten
} op een goedkeurder:
mail-reminder-questions = { $count ->
    [one] 1 vraag wacht
   *[other] { $count } vragen wachten
} al meer dan { $days } dagen op een antwoord:
mail-reminder-question = Een vraag over { $system }, gepubliceerd op { $date }
mail-reminder-answer = Vragen beantwoorden:
mail-reminder-reviews = { $count ->
    [one] 1 beschrijving moet
   *[other] { $count } beschrijvingen moeten
} worden herzien:
mail-reminder-due = { $name }: uiterlijk { $date }
mail-reminder-overdue = { $name }: te laat sinds { $date }
mail-reminder-why = U krijgt deze e-mail omdat u redacteur of goedkeurder bent van { $agency } in dit register. Hij komt hooguit eens per week, als er iets wacht.
mail-choose = Kies welke e-mail u krijgt:
mail-summary-subject = De week van het register, { $from } tot { $until }
mail-summary-opening = Wat er van { $from } tot { $until } in het register gebeurde, en wat er nu wacht.
mail-summary-happened = Deze week
mail-summary-new-systems = { $count ->
    [0] Geen nieuwe systemen
    [one] 1 nieuw systeem
   *[other] { $count } nieuwe systemen
}
mail-summary-new-versions = { $count ->
    [0] Geen nieuwe versies
    [one] 1 nieuwe versie
   *[other] { $count } nieuwe versies
}
mail-summary-retired = { $count ->
    [0] Geen systeem buiten gebruik
    [one] 1 systeem buiten gebruik
   *[other] { $count } systemen buiten gebruik
}
mail-summary-audits = { $count ->
    [0] Geen audit vastgelegd
    [one] 1 audit vastgelegd
   *[other] { $count } audits vastgelegd
}
mail-summary-comments = { $count ->
    [0] Geen reacties ontvangen
    [one] 1 reactie ontvangen
   *[other] { $count } reacties ontvangen
}
mail-summary-published = { $count ->
    [0] Geen reacties gepubliceerd
    [one] 1 reactie gepubliceerd
   *[other] { $count } reacties gepubliceerd
}
mail-summary-answers = { $count ->
    [0] Geen officiële antwoorden
    [one] 1 officieel antwoord
   *[other] { $count } officiële antwoorden
}
mail-summary-waiting = Wat nu wacht
mail-summary-comments-waiting = { $count ->
    [0] Geen reactie wacht
    [one] 1 reactie wacht
   *[other] { $count } reacties wachten
} op een moderator
mail-summary-questions-waiting = { $count ->
    [0] Geen vraag wacht
    [one] 1 vraag wacht
   *[other] { $count } vragen wachten
} al meer dan { $days } dagen op een antwoord
mail-summary-drafts-waiting = { $count ->
    [0] Geen concept wacht
    [one] 1 concept wacht
   *[other] { $count } concepten wachten
} op een goedkeurder
mail-summary-reviews-overdue = { $count ->
    [0] Geen beschrijving is
    [one] 1 beschrijving is
   *[other] { $count } beschrijvingen zijn
} te laat herzien
mail-summary-manage = Het register beheren:
mail-summary-why = U krijgt deze e-mail omdat u beheerder bent van dit register. Hij komt eens per week.

## /manage/email: the mail an account gets.
email-heading = E-mail van Lantern
email-what = kies welke herinneringen en overzichten u krijgt
email-loading = Uw keuzes voor e-mail worden geladen…
email-lede = Lantern schrijft hooguit eens per week naar { $email }. Vink uit wat u niet wilt.
email-legend = Stuur mij een e-mail
email-kind-drafts = als concepten van mijn organisatie op een goedkeurder wachten
email-kind-questions = als vragen aan mijn organisatie te lang op een antwoord wachten
email-kind-reviews = als beschrijvingen van mijn organisatie herzien moeten worden, of te laat zijn
email-kind-summary = een overzicht van de week van het register
email-save = Mijn keuzes opslaan
email-saved = Uw keuzes voor e-mail zijn opgeslagen.
email-none-for-role = Lantern stuurt uw rol geen e-mail.
email-no-server = Dit register heeft nog geen mailserver, dus er wordt niets verstuurd. Uw keuzes gelden zodra het er een heeft.
settings-answer-reminder = Dagen voordat een onbeantwoorde vraag in de herinnering aan de organisatie staat
settings-answer-reminder-hint = De redacteuren en goedkeurders van elke organisatie krijgen wekelijks een herinnering aan de gepubliceerde vragen die zij na zoveel dagen nog niet beantwoordden.
email-check-kind = Kies uit de soorten e-mail in de lijst
search-keep-up = Blijf op de hoogte van wijzigingen in deze systemen:
search-feed = Atom-feed van deze zoekopdracht
search-follow = Deze zoekopdracht volgen per e-mail
mail-reminder-more = …en nog { $count }
follow-feed-system = Atom-feed van dit systeem
follow-feed-topic = Atom-feed van dit onderwerp
