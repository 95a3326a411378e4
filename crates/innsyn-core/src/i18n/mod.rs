//! Languages, interface strings and Norwegian number formatting.
//!
//! Every interface string lives here, in bokmål (default), nynorsk and English.
//! The `strings!` table gives every key its three texts in one row, so a key
//! cannot exist without all three languages; a test checks none is empty.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The value for `<html lang>` and for the `lang` URL parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" | "nob" => Some(Lang::Nb),
            "nn" | "nno" => Some(Lang::Nn),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nb => "Bokmål",
            Lang::Nn => "Nynorsk",
            Lang::En => "English",
        }
    }
}

/// Declares the interface strings: one table, one row per key with its
/// bokmål, nynorsk and English text. Generates `T`, `T::ALL` and the texts.
macro_rules! strings {
    ($($key:ident => ($nb:expr, $nn:expr, $en:expr $(,)?)),+ $(,)?) => {
        /// Interface strings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),+ }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),+];
            fn texts(self) -> (&'static str, &'static str, &'static str) {
                match self { $(T::$key => ($nb, $nn, $en)),+ }
            }
        }
    };
}

strings! {
    AppName => ("Innsyn", "Innsyn", "Innsyn"),
    Tagline => (
        "Barnevernet i kommunene i Hedmark og Oppland (Innlandet) – i tall",
        "Barnevernet i kommunane i Hedmark og Oppland (Innlandet) – i tal",
        "Child welfare in the municipalities of Hedmark and Oppland (Innlandet) – in figures",
    ),
    SkipToContent => ("Hopp til innholdet", "Hopp til innhaldet", "Skip to content"),
    LanguageLabel => ("Språk", "Språk", "Language"),
    Loading => ("Laster inn …", "Lastar inn …", "Loading …"),
    LoadError => ("Kunne ikke laste data", "Kunne ikkje laste data", "Could not load data"),
    EmptyData => ("Fila inneholder ingen tall å vise.", "Fila inneheld ingen tal å vise.", "The file holds no figures to show."),
    DemoLabel => ("Fiktive tall – kun til demonstrasjon", "Fiktive tal – berre til demonstrasjon", "Fictitious figures – for demonstration only"),
    DemoExplained => (
        "Tallene i denne figuren er laget av Innsyn for å vise hvordan siden virker. De beskriver ingen virkelig kommune.",
        "Tala i denne figuren er laga av Innsyn for å vise korleis sida verkar. Dei skildrar ingen verkeleg kommune.",
        "The figures in this chart were made up by Innsyn to show how the page works. They describe no real municipality.",
    ),
    Municipalities => ("Kommunene", "Kommunane", "The municipalities"),
    MunicipalitiesIntro => (
        "De 48 kommunene i tidligere Hedmark og Oppland, med kommunenummer før og etter regionreformen i 2020 og fylkesdelingen i 2024.",
        "Dei 48 kommunane i tidlegare Hedmark og Oppland, med kommunenummer før og etter regionreforma i 2020 og fylkesdelinga i 2024.",
        "The 48 municipalities of former Hedmark and Oppland, with their numbers before and after the 2020 regional reform and the 2024 county split.",
    ),
    Municipality => ("Kommune", "Kommune", "Municipality"),
    Number2017 => ("Nr. 2017–2019", "Nr. 2017–2019", "No. 2017–2019"),
    Number2020 => ("Nr. 2020–2023", "Nr. 2020–2023", "No. 2020–2023"),
    Number2024 => ("Nr. fra 2024", "Nr. frå 2024", "No. from 2024"),
    County => ("Fylke", "Fylke", "County"),
    RegionalCouncil => ("Regionråd", "Regionråd", "Regional council"),
    Unverified => ("ikke bekreftet", "ikkje stadfesta", "unverified"),
    ShowTable => ("Vis som tabell", "Vis som tabell", "Show as table"),
    ShowChart => ("Vis som figur", "Vis som figur", "Show as chart"),
    Table => ("tabell", "tabell", "table"),
    Source => ("Kilde", "Kjelde", "Source"),
    Period => ("Periode", "Periode", "Period"),
    Unit => ("Enhet", "Eining", "Unit"),
    Updated => ("Sist oppdatert", "Sist oppdatert", "Last updated"),
    FetchedFromSsb => ("Hentet fra SSB", "Henta frå SSB", "Fetched from SSB"),
    Via => ("via", "via", "via"),
    FixedKroner => ("faste {}-kroner", "faste {}-kroner", "fixed {} kroner"),
    FixedKronerBy => ("I faste {}-kroner, regnet om av Innsyn med", "I faste {}-kroner, rekna om av Innsyn med", "In fixed {} kroner, converted by Innsyn with"),
    BreaksMarked => ("Loddrette streker", "Loddrette strekar", "Vertical lines"),
    CountsFollowSize => (
        "Et antall personer eller kroner følger mest kommunens størrelse: sammenlign kommuner med tall per innbygger eller andeler.",
        "Eit tal på personar eller kroner følgjer mest storleiken på kommunen: samanlikn kommunar med tal per innbyggjar eller delar.",
        "A number of people or kroner mostly follows the municipality's size: compare municipalities by figures per inhabitant or shares.",
    ),
    WhatItCosts => ("Hva barnevernet koster", "Kva barnevernet kostar", "What child welfare costs"),
    AllMunicipalities => ("Alle {} kommunene", "Alle {} kommunane", "All {} municipalities"),
    KronerIn => ("Kroner i", "Kroner i", "Kroner in"),
    FixedPrices => ("faste priser", "faste prisar", "fixed prices"),
    CurrentPrices => ("løpende priser", "løpande prisar", "current prices"),
    FromTo => ("Fra {} til {}", "Frå {} til {}", "From {} to {}"),
    InCurrentKroner => ("i løpende kroner", "i løpande kroner", "in current kroner"),
    InFixedKroner => ("i faste kroner", "i faste kroner", "in fixed kroner"),
    Notes => ("Merknader", "Merknader", "Notes"),
    TableNo => ("tabell", "tabell", "table"),
    SsbUnreachable => ("SSB kunne ikke nås. Tallene hentes direkte fra Statistisk sentralbyrå, og det gikk ikke nå.", "SSB kunne ikkje nåast. Tala blir henta direkte frå Statistisk sentralbyrå, og det gjekk ikkje no.", "SSB could not be reached. The figures come directly from Statistics Norway, and that failed just now."),
    SsbTooLarge => ("Tabellen er for stor til å hentes direkte fra SSB; utgiveren kan lage et øyeblikksbilde med innsyn fetch.", "Tabellen er for stor til å hentast direkte frå SSB; utgivaren kan lage eit augneblinksbilete med innsyn fetch.", "The table is too large to fetch from SSB directly; the publisher can make a snapshot with innsyn fetch."),
    SsbBusy => ("SSB har fått for mange forespørsler (429). Prøv igjen om et minutt.", "SSB har fått for mange førespurnader (429). Prøv igjen om eit minutt.", "SSB has had too many requests (429). Try again in a minute."),
    SsbFailed => ("SSB ga ikke tallene.", "SSB gav ikkje tala.", "SSB did not give the figures."),
    LoadingTools => ("Laster inn denne delen av Innsyn …", "Lastar inn denne delen av Innsyn …", "Loading this part of Innsyn …"),
    AskingSsb => ("Henter tallene fra SSB …", "Hentar tala frå SSB …", "Fetching the figures from SSB …"),
    SsbAskedAt => ("(SSB spurt kl. {})", "(SSB spurd kl. {})", "(SSB asked at {})"),
    SeeDemo => ("Se demonstrasjonen med fiktive tall i stedet", "Sjå demonstrasjonen med fiktive tal i staden", "See the demonstration with fictitious figures instead"),
    FileNotFound => ("Fant ikke fila (404).", "Fann ikkje fila (404).", "The file was not found (404)."),
    ServerAnswered => ("Tjeneren svarte", "Tenaren svarte", "The server answered"),
    FileTooLarge => ("Fila er for stor", "Fila er for stor", "The file is too large"),
    NetworkError => ("Nettverksfeil", "Nettverksfeil", "Network error"),
    LineWord => ("Linje", "Linje", "Line"),
    ColumnWord => ("kolonne", "kolonne", "column"),
    ComparedWith => ("Sammenlignet med", "Samanlikna med", "Compared with"),
    MunicipalitiesWord => ("kommuner", "kommunar", "municipalities"),
    UnknownMunicipality => ("Innsyn kjenner ingen kommune «{}» i Hedmark eller Oppland.", "Innsyn kjenner ingen kommune «{}» i Hedmark eller Oppland.", "Innsyn knows no municipality «{}» in Hedmark or Oppland."),
    UnknownRegion => ("Innsyn kjenner ikke noe fylke eller regionråd «{}».", "Innsyn kjenner ikkje noko fylke eller regionråd «{}».", "Innsyn knows no county or regional council «{}»."),
    LineLower => ("linje", "linje", "line"),
    Value => ("Verdi", "Verdi", "Value"),
    Status => ("Merknad", "Merknad", "Note"),
    ChartSummary => ("Sammendrag", "Samandrag", "Summary"),
    Missing => ("mangler", "manglar", "missing"),
    PanicMessage => (
        "Beklager, noe gikk galt i Innsyn. Last siden på nytt for å prøve igjen.",
        "Orsak, noko gjekk gale i Innsyn. Last sida på nytt for å prøve igjen.",
        "Sorry, something went wrong in Innsyn. Reload the page to try again.",
    ),
    Reload => ("Last på nytt", "Last på nytt", "Reload"),
    Footer => (
        "Innsyn er åpen kildekode. Kommunegrenser og -nummer: SSB (Klass). Tall: se kilden under hver figur.",
        "Innsyn er open kjeldekode. Kommunegrenser og -nummer: SSB (Klass). Tal: sjå kjelda under kvar figur.",
        "Innsyn is open source. Municipality numbers: SSB (Klass). Figures: see the source below each chart.",
    ),
    NavMain => ("Hovedmeny", "Hovudmeny", "Main menu"),
    NavOverview => ("Oversikt", "Oversikt", "Overview"),
    ReportTitle => (
        "Tilstandsrapport om barnevernet",
        "Tilstandsrapport om barnevernet",
        "Report on the state of the child welfare service",
    ),
    ReportContents => ("Innhold", "Innhald", "Contents"),
    ReportSources => ("Kilder", "Kjelder", "Sources"),
    ReportFigure => ("Figur", "Figur", "Figure"),
    ReportTable => ("Tabell", "Tabell", "Table"),
    ReportQuestions => ("Spørsmål kommunestyret kan stille", "Spørsmål kommunestyret kan stille", "Questions councillors can ask"),
    ReportUnreadable => (
        "Disse tallene kunne ikke leses og er ikke med:",
        "Desse tala kunne ikkje lesast og er ikkje med:",
        "These figures could not be read and are not included:",
    ),
    ReportWord => ("Last ned som Word", "Last ned som Word", "Download as Word"),
    ReportWordLater => (
        "Word-dokumentet lages når nettstedet publiseres (scripts/build.sh), eller med innsyn report.",
        "Word-dokumentet blir laga når nettstaden blir publisert (scripts/build.sh), eller med innsyn report.",
        "The Word document is made when the site is published (scripts/build.sh), or with innsyn report.",
    ),
    ReportPrint => ("Skriv ut eller lagre som PDF", "Skriv ut eller lagre som PDF", "Print or save as PDF"),
    ReportBack => ("Til kommunens tall", "Til tala for kommunen", "To the municipality's figures"),
    NeedsScript => (
        "Dette regnes ut i nettleseren din og trenger JavaScript.",
        "Dette blir rekna ut i nettlesaren din og treng JavaScript.",
        "This is worked out in your browser and needs JavaScript.",
    ),
    TitleInFigures => ("{} – barnevern i tall", "{} – barnevern i tal", "{} – child welfare in figures"),
    TitleIndicator => ("{} – alle kommunene", "{} – alle kommunane", "{} – all municipalities"),
    TitleReport => (
        "Tilstandsrapport om barnevernstjenesten – {}",
        "Tilstandsrapport om barnevernstenesta – {}",
        "Report on the state of the child welfare service – {}",
    ),
    TitleEmbedded => ("{} (innebygd versjon)", "{} (innebygd versjon)", "{} (embedded version)"),
    DescOverview => (
        "Hva barnevernet i de 48 kommunene i Hedmark og Oppland koster, hvor mange barn det hjelper og hvor mange som jobber der – tall fra SSB, kommune for kommune.",
        "Kva barnevernet i dei 48 kommunane i Hedmark og Oppland kostar, kor mange barn det hjelper og kor mange som arbeider der – tal frå SSB, kommune for kommune.",
        "What child welfare in the 48 municipalities of Hedmark and Oppland costs, how many children it helps and how many work in it – figures from Statistics Norway, municipality by municipality.",
    ),
    DescRegion => (
        "Barnevernet i {} i tall: kommunene side om side, utgifter, barn med tiltak og årsverk fra SSB.",
        "Barnevernet i {} i tal: kommunane side om side, utgifter, barn med tiltak og årsverk frå SSB.",
        "Child welfare in {} in figures: its municipalities side by side, expenditure, children receiving measures and staff, from Statistics Norway.",
    ),
    DescMunicipality => (
        "Barnevernet i {} kommune i tall: utgifter, barn med tiltak og årsverk fra SSB, ved siden av fylket og Innlandet.",
        "Barnevernet i {} kommune i tal: utgifter, barn med tiltak og årsverk frå SSB, ved sida av fylket og Innlandet.",
        "Child welfare in {} municipality in figures: expenditure, children receiving measures and staff from Statistics Norway, beside its county and Innlandet.",
    ),
    DescIndicator => (
        "{} for alle kommunene i Hedmark og Oppland, fra SSB.",
        "{} for alle kommunane i Hedmark og Oppland, frå SSB.",
        "{} for every municipality of Hedmark and Oppland, from Statistics Norway.",
    ),
    DescCooperation => (
        "Hvordan en felles barnevernstjeneste for kommunene du velger ville se ut: tallene lagt sammen, årsverk og hvor sårbar tjenesten er.",
        "Korleis ei felles barnevernsteneste for kommunane du vel ville sjå ut: tala lagde saman, årsverk og kor sårbar tenesta er.",
        "What a joint child welfare service of the municipalities you choose would look like: figures added up, staff and how vulnerable the service is.",
    ),
    DescValidate => (
        "Sjekk en indikatorfil (JSON-stat fra SSB eller Innsyns format) før du publiserer den: hver feil med sin plass i fila. Fila lastes ikke opp.",
        "Sjekk ei indikatorfil (JSON-stat frå SSB eller formatet til Innsyn) før du publiserer ho: kvar feil med plassen sin i fila. Fila blir ikkje lasta opp.",
        "Check an indicator file (JSON-stat from Statistics Norway or Innsyn's format) before you publish it: each error with its place in the file. Nothing is uploaded.",
    ),
    DescAccessibility => (
        "Hvordan Innsyn oppfyller kravene til universell utforming (WCAG 2.1 AA), hva som ikke er på plass, og hvordan du sier fra.",
        "Korleis Innsyn oppfyller krava til universell utforming (WCAG 2.1 AA), kva som ikkje er på plass, og korleis du seier frå.",
        "How Innsyn meets the accessibility requirements (WCAG 2.1 AA), what is not yet in place, and how to tell us.",
    ),
    DescReport => (
        "Utkast til den årlige rapporten om tilstanden i barnevernet til kommunestyret (barnevernsloven § 15-3) for {}, med tall fra SSB.",
        "Utkast til den årlege rapporten om tilstanden i barnevernet til kommunestyret (barnevernslova § 15-3) for {}, med tal frå SSB.",
        "A draft of the yearly report to the council on the state of the child welfare service (Child Welfare Act § 15-3) for {}, with figures from Statistics Norway.",
    ),
    NavValidate => ("Sjekk en datafil", "Sjekk ei datafil", "Check a data file"),
    ValidateTitle => ("Sjekk en datafil", "Sjekk ei datafil", "Check a data file"),
    ValidateIntro => (
        "Velg en indikatorfil (JSON-stat eller Innsyns enkle format) for å se om Innsyn kan lese den, og hva som eventuelt må rettes. Fila leses bare i nettleseren din; ingenting lastes opp.",
        "Vel ei indikatorfil (JSON-stat eller det enkle formatet til Innsyn) for å sjå om Innsyn kan lese ho, og kva som eventuelt må rettast. Fila blir berre lesen i nettlesaren din; ingenting blir lasta opp.",
        "Choose an indicator file (JSON-stat or Innsyn's simple format) to see whether Innsyn can read it, and what needs fixing. The file is read only in your browser; nothing is uploaded.",
    ),
    ChooseFile => ("Velg fil", "Vel fil", "Choose file"),
    DropHere => ("… eller slipp fila her", "… eller slepp fila her", "… or drop the file here"),
    Verdict => ("Resultat", "Resultat", "Result"),
    Valid => ("Gyldig: Innsyn kan lese fila.", "Gyldig: Innsyn kan lese fila.", "Valid: Innsyn can read the file."),
    Invalid => ("Ugyldig: fila har feil som må rettes.", "Ugyldig: fila har feil som må rettast.", "Invalid: the file has errors to fix."),
    Unreadable => ("Fila kan ikke leses som JSON.", "Fila kan ikkje lesast som JSON.", "The file cannot be read as JSON."),
    FileFormat => ("Format", "Format", "Format"),
    FormatJsonStat => ("JSON-stat", "JSON-stat", "JSON-stat"),
    FormatSimple => ("Innsyns enkle format", "Det enkle formatet til Innsyn", "Innsyn's simple format"),
    FormatUnknown => ("ukjent", "ukjend", "unknown"),
    DatasetsAndCells => ("Datasett og celler", "Datasett og celler", "Datasets and cells"),
    NoProblems => ("Ingen feil eller advarsler.", "Ingen feil eller åtvaringar.", "No errors or warnings."),
    Severity => ("Alvor", "Alvor", "Severity"),
    ErrorWord => ("Feil", "Feil", "Error"),
    WarningWord => ("Advarsel", "Åtvaring", "Warning"),
    Code => ("Kode", "Kode", "Code"),
    Place => ("Sted i fila", "Stad i fila", "Place in the file"),
    Message => ("Melding", "Melding", "Message"),
    NavRegions => ("Regioner", "Regionar", "Regions"),
    ChooseRegion => ("Velg fylke eller regionråd", "Vel fylke eller regionråd", "Choose a county or regional council"),
    Counties => ("Fylker", "Fylke", "Counties"),
    Councils => ("Regionråd", "Regionråd", "Regional councils"),
    Computed => ("beregnet fra kommunenes tall", "berekna frå tala til kommunane", "computed from the municipalities' figures"),
    ChangeFrom => ("Endring fra", "Endring frå", "Change from"),
    NotCombinable => (
        "Denne indikatoren kan ikke slås sammen for flere kommuner: den er verken et antall eller en andel med teller og nevner (f.eks. en median eller en indeks).",
        "Denne indikatoren kan ikkje slåast saman for fleire kommunar: han er verken eit tal på noko eller ein del med teljar og nemnar (t.d. ein median eller ein indeks).",
        "This indicator cannot be combined for several municipalities: it is neither a count nor a rate with numerator and denominator (e.g. a median or an index).",
    ),
    NoFigure => ("Ingen tall for regionen.", "Ingen tal for regionen.", "No figure for the region."),
    LeftOut => ("Ikke med i tallet", "Ikkje med i talet", "Not in the figure"),
    Development => ("Utvikling", "Utvikling", "Trend"),
    MembersIn => ("Kommunene i", "Kommunane i", "The municipalities of"),
    Coverage => ("Kommuner med tall", "Kommunar med tal", "Municipalities with figures"),
    HigherBetter => ("Høyere er bedre.", "Høgare er betre.", "Higher is better."),
    HigherWorse => ("Lavere er bedre.", "Lågare er betre.", "Lower is better."),
    HigherNeither => ("Verken høyt eller lavt er godt i seg selv.", "Verken høgt eller lågt er godt i seg sjølv.", "Neither high nor low is good in itself."),
    NavMunicipality => ("Kommuner", "Kommunar", "Municipalities"),
    And => ("og", "og", "and"),
    ChooseMunicipality => ("Finn kommune", "Finn kommune", "Find a municipality"),
    ChooseMunicipalityHint => ("Skriv de første bokstavene og velg fra listen.", "Skriv dei første bokstavane og vel frå lista.", "Type the first letters and pick from the list."),
    NumberLabel => ("Kommunenummer", "Kommunenummer", "Municipality number"),
    SharedService => ("Barneverntjenesten", "Barnevernstenesta", "Child welfare service"),
    OwnService => ("egen barneverntjeneste", "eiga barnevernsteneste", "its own child welfare service"),
    SharedWith => ("felles med", "felles med", "shared with"),
    ServiceAsOf => ("(registeruttrekk februar 2021)", "(registeruttrekk februar 2021)", "(register extract, February 2021)"),
    RankOf => ("Plass", "Plass", "Rank"),
    RankExplained => ("blant kommunene med tall, høyeste verdi er nr. 1", "blant kommunane med tal, høgaste verdi er nr. 1", "among municipalities with figures, highest value is no. 1"),
    RankCouncilsExplained => ("blant regionrådene med tall for alle sine kommuner, høyeste verdi er nr. 1", "blant regionråda med tal for alle kommunane sine, høgaste verdi er nr. 1", "among regional councils with figures for all their municipalities, highest value is no. 1"),
    ChooseIndicator => ("Vis på kartet", "Vis på kartet", "Show on the map"),
    MapTitle => ("Kart over kommunene", "Kart over kommunane", "Map of the municipalities"),
    MapExplained => (
        "Hver rute er en kommune, plassert omtrent der den ligger. Fargen viser verdien; tallet står i ruta. Velg en rute for å se kommunen.",
        "Kvar rute er ein kommune, plassert omtrent der han ligg. Fargen viser verdien; talet står i ruta. Vel ei rute for å sjå kommunen.",
        "Each square is a municipality, placed roughly where it lies. The colour shows the value; the figure is in the square. Choose a square to see the municipality.",
    ),
    MapExplainedShapes => (
        "Fargen viser verdien for hver kommune. Bruk Tab for å gå fra kommune til kommune; tabellen under figuren har alle tallene.",
        "Fargen viser verdien for kvar kommune. Bruk Tab for å gå frå kommune til kommune; tabellen under figuren har alle tala.",
        "The colour shows each municipality's value. Use Tab to move from municipality to municipality; the table below the chart has every figure.",
    ),
    MapAttribution => ("Plassering etter kommunegrenser fra © Kartverket (CC BY 4.0)", "Plassering etter kommunegrenser frå © Kartverket (CC BY 4.0)", "Placement from municipality boundaries © Kartverket (CC BY 4.0)"),
    Legend => ("Tegnforklaring", "Teiknforklaring", "Legend"),
    Under => ("under", "under", "below"),
    AndAbove => ("og over", "og over", "and above"),
    NoValue => ("mangler tall", "manglar tal", "no figure"),
    RegionsLinks => ("Fylker og regionråd", "Fylke og regionråd", "Counties and regional councils"),
    NavIndicators => ("Indikatorer", "Indikatorar", "Indicators"),
    ChooseIndicatorPage => ("Velg indikator", "Vel indikator", "Choose an indicator"),
    AboutIndicator => ("Om tallet", "Om talet", "About the figure"),
    Numerator => ("Teller", "Teljar", "Numerator"),
    Denominator => ("Nevner", "Nemnar", "Denominator"),
    Year => ("År", "År", "Year"),
    ShowAs => ("Vis", "Vis", "Show"),
    RateWord => ("andel", "del", "rate"),
    NavCooperation => ("Samarbeid", "Samarbeid", "Cooperation"),
    CooperationTitle => ("Hva om vi slo oss sammen?", "Kva om vi slo oss saman?", "What if we joined forces?"),
    CooperationIntro => (
        "Velg kommuner som kunne hatt én felles barnevernstjeneste (vertskommunesamarbeid). Innsyn regner ut tallene for den samlede tjenesten fra kommunenes egne tall: antall legges sammen, og andeler regnes som summen av tellerne delt på summen av nevnerne – aldri som et gjennomsnitt av andeler. Det som ikke kan regnes sammen, står oppført med grunnen.",
        "Vel kommunar som kunne hatt éi felles barnevernsteneste (vertskommunesamarbeid). Innsyn reknar ut tala for den samla tenesta frå tala til kommunane sjølve: tal blir lagde saman, og delar blir rekna som summen av teljarane delt på summen av nemnarane – aldri som eit gjennomsnitt av delar. Det som ikkje kan reknast saman, står oppført med grunnen.",
        "Choose municipalities that could share one child welfare service (host-municipality cooperation). Innsyn computes the combined service's figures from the municipalities' own: counts are added, and rates are the sum of the numerators divided by the sum of the denominators – never an average of rates. What cannot be combined is listed with the reason.",
    ),
    StartFrom => ("Start fra", "Start frå", "Start from"),
    StartFromNone => ("Velg et utgangspunkt …", "Vel eit utgangspunkt …", "Choose a starting point …"),
    PresetServices => ("Felles tjenester i 2021", "Felles tenester i 2021", "Shared services in 2021"),
    PresetScenarios => ("Scenarioer", "Scenario", "Scenarios"),
    ChooseMembers => ("Velg kommuner selv", "Vel kommunar sjølv", "Choose municipalities yourself"),
    Selected => ("valgt", "valde", "chosen"),
    ClearMembers => ("Fjern alle", "Fjern alle", "Clear all"),
    PickTwo => (
        "Velg minst to kommuner for å se tallene for en samlet tjeneste.",
        "Vel minst to kommunar for å sjå tala for ei samla teneste.",
        "Choose at least two municipalities to see the figures of a combined service.",
    ),
    YourScenario => ("Ditt scenario", "Scenarioet ditt", "Your scenario"),
    ExternalMembers => (
        "Også med i tjenesten, men utenfor Hedmark og Oppland (ingen tall her):",
        "Også med i tenesta, men utanfor Hedmark og Oppland (ingen tal her):",
        "Also in the service, but outside Hedmark and Oppland (no figures here):",
    ),
    UnknownMembers => ("Lenken nevner kommunenumre Innsyn ikke kjenner:", "Lenkja nemner kommunenummer Innsyn ikkje kjenner:", "The link names municipality numbers Innsyn does not know:"),
    Robustness => ("Robusthet", "Robustheit", "Robustness"),
    Threshold => ("Grense for liten tjeneste (årsverk)", "Grense for lita teneste (årsverk)", "Threshold for a small service (full-time equivalents)"),
    ThresholdAssumption => (
        "Grensen er en antakelse, ikke en offisiell norm: Innsyn har ikke funnet noen fastsatt minstestørrelse for en barnevernstjeneste. Endre den gjerne.",
        "Grensa er ein føresetnad, ikkje ein offisiell norm: Innsyn har ikkje funne nokon fastsett minstestorleik for ei barnevernsteneste. Endre ho gjerne.",
        "The threshold is an assumption, not an official norm: Innsyn found no established minimum size for a child welfare service. Feel free to change it.",
    ),
    ThresholdSource => ("Kilde for grensen", "Kjelde for grensa", "Source of the threshold"),
    BelowThreshold => ("Under", "Under", "Below"),
    Yes => ("ja", "ja", "yes"),
    No => ("nei", "nei", "no"),
    NoStaffIndicator => (
        "Katalogen peker ikke ut noen indikator for årsverk, så robustheten kan ikke vises.",
        "Katalogen peikar ikkje ut nokon indikator for årsverk, så robustheita kan ikkje visast.",
        "The catalog names no indicator for full-time equivalents, so robustness cannot be shown.",
    ),
    PrintSummary => ("Skriv ut sammendrag", "Skriv ut samandrag", "Print summary"),
    PrintedOn => ("Skrevet ut", "Skrive ut", "Printed"),
    LatestFigures => ("Tall for", "Tal for", "Figures for"),
    Note => ("Merknad", "Merknad", "Note"),
    Area => ("Område", "Område", "Area"),
    EmbedButton => ("Bygg inn", "Bygg inn", "Embed"),
    EmbedTitle => ("Bygg inn denne visningen på en nettside", "Bygg inn denne visninga på ei nettside", "Embed this view in a web page"),
    EmbedIntro => (
        "Lim inn koden på nettsiden din. Med skriptet får rammen alltid høyden til innholdet; uten skriptet får den den faste høyden i koden.",
        "Lim inn koden på nettsida di. Med skriptet får ramma alltid høgda til innhaldet; utan skriptet får ho den faste høgda i koden.",
        "Paste the code into your web page. With the script the frame always gets the height of its content; without it, the fixed height in the code.",
    ),
    EmbedCode => ("Kode til nettsiden", "Kode til nettsida", "Code for your page"),
    Copy => ("Kopier koden", "Kopier koden", "Copy the code"),
    Copied => ("Koden er kopiert.", "Koden er kopiert.", "The code is copied."),
    Close => ("Lukk", "Lukk", "Close"),
    // «Kopier lenke» on every view (app/share.rs), and the statement's link.
    CopyLink => ("Kopier lenke", "Kopier lenkje", "Copy link"),
    LinkCopied => ("Lenken er kopiert", "Lenkja er kopiert", "Link copied"),
    LinkField => ("Lenke til denne visningen", "Lenkje til denne visinga", "Link to this view"),
    NavAccessibility => ("Tilgjengelighetserklæring", "Tilgjengelegheitserklæring", "Accessibility statement"),
    // The municipality page's links to the council report (pages/report.rs).
    ReportLink => ("Utkast til tilstandsrapport for kommunestyret", "Utkast til tilstandsrapport for kommunestyret", "Draft report on the service to the council"),
    ReportOfService => ("Rapport for hele den interkommunale tjenesten", "Rapport for heile den interkommunale tenesta", "Report for the whole inter-municipal service"),
    PreviewWidth => ("Bredde i forhåndsvisningen", "Breidd i førehandsvisinga", "Preview width"),
    Preview => ("Forhåndsvisning", "Førehandsvising", "Preview"),
    SeeMore => ("Se mer i Innsyn", "Sjå meir i Innsyn", "See more in Innsyn"),
    NewTab => ("(åpnes i ny fane)", "(blir opna i ny fane)", "(opens in a new tab)"),
    KindService => (
        "Felles barnevernstjeneste i 2021 (registeret per 23.2.2021)",
        "Felles barnevernsteneste i 2021 (registeret per 23.2.2021)",
        "Shared child welfare service in 2021 (register of 23 Feb 2021)",
    ),
    KindScenario => ("Scenario fra katalogen", "Scenario frå katalogen", "Scenario from the catalog"),
    // Whose figures a page shows (innsyn_core::site): a foreign catalog refused or marked.
    CatalogRefused => ("Katalogen er ikke godkjent", "Katalogen er ikkje godkjend", "The catalog is not approved"),
    OnlyPublisher => ("Denne siden viser bare tall fra {}.", "Denne sida viser berre tal frå {}.", "This site shows only figures from {}."),
    NotApproved => ("Katalogen på {} er ikke godkjent av utgiveren.", "Katalogen på {} er ikkje godkjend av utgjevaren.", "The catalog on {} is not approved by the publisher."),
    OwnFigures => ("Gå til sidens egne tall", "Gå til tala på sida", "Go to this site's own figures"),
    ForeignSource => ("Ekstern kilde", "Ekstern kjelde", "External source"),
    // The notice reads «ForeignNotice origin — NotFrom publisher».
    ForeignNotice => ("Tallene kommer fra en ekstern kilde:", "Tala kjem frå ei ekstern kjelde:", "The figures come from an external source:"),
    NotFrom => ("ikke fra", "ikkje frå", "not from"),
    // Under a source line, before the origin of a file on another site.
    FileFrom => ("Hentet fra nettstedet", "Henta frå nettstaden", "Fetched from the site"),
    // Downloads (innsyn_core::export): what a reader takes away.
    Indicator => ("Indikator", "Indikator", "Indicator"),
    File => ("Fil", "Fil", "File"),
    KostraUnrevised => (
        "Siste år: ureviderte KOSTRA-tall (publisert 15. mars, reviderte kommer 15. juni)",
        "Siste år: ureviderte KOSTRA-tal (publisert 15. mars, reviderte kjem 15. juni)",
        "Latest year: unrevised KOSTRA figures (published 15 March; revised figures follow on 15 June)",
    ),
    KostraRevised => (
        "Siste år: reviderte KOSTRA-tall (publisert 15. juni)",
        "Siste år: reviderte KOSTRA-tal (publisert 15. juni)",
        "Latest year: revised KOSTRA figures (published 15 June)",
    ),
    Download => ("Last ned", "Last ned", "Download"),
    CsvExcel => ("Tall (CSV for Excel)", "Tal (CSV for Excel)", "Data (CSV for Excel)"),
    CsvPlain => ("Tall (CSV med komma og punktum)", "Tal (CSV med komma og punktum)", "Data (CSV, comma and point)"),
    ImageSvg => ("Figur (SVG)", "Figur (SVG)", "Chart (SVG)"),
    ImagePng => ("Figur (PNG)", "Figur (PNG)", "Chart (PNG)"),
    SourceFile => ("Kildefil", "Kjeldefil", "Source file"),
    PageData => ("Alle tall på siden", "Alle tal på sida", "All figures on this page"),
    PageDataHint => (
        "Hver indikator, hvert område og hvert år siden viser, i én fil.",
        "Kvar indikator, kvart område og kvart år sida viser, i éi fil.",
        "Every indicator, area and year this page shows, in one file.",
    ),
    Downloaded => ("Lastet ned: {}", "Lasta ned: {}", "Downloaded: {}"),
}

impl T {
    /// The text in `lang` with its `{}` replaced by `arg`.
    pub fn fill(self, lang: Lang, arg: &str) -> String {
        self.get(lang).replacen("{}", arg, 1)
    }

    pub fn get(self, lang: Lang) -> &'static str {
        let (nb, nn, en) = self.texts();
        match lang {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        }
    }
}

mod format;
pub(crate) use format::round_half_away;
pub use format::{
    and_list, count_decimals, format_change, format_date, format_number, format_timestamp,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_every_language() {
        for &t in T::ALL {
            for l in Lang::ALL {
                assert!(!t.get(l).trim().is_empty(), "{t:?} {l:?}");
            }
        }
        assert_eq!(
            T::DemoLabel.get(Lang::Nb),
            "Fiktive tall – kun til demonstrasjon"
        );
        // A placeholder is in every language or in none.
        for &t in T::ALL {
            let n = |l| t.get(l).matches("{}").count();
            assert!(
                n(Lang::Nb) == n(Lang::Nn) && n(Lang::Nb) == n(Lang::En),
                "{t:?}"
            );
        }
        assert_eq!(
            T::UnknownRegion.fill(Lang::Nn, "atlantis"),
            "Innsyn kjenner ikkje noko fylke eller regionråd «atlantis»."
        );
    }

    #[test]
    fn language_codes() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("de"), None);
    }
}
