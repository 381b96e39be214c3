//! Command-line interface: argument definitions and one file per subcommand.

mod check;
mod compare;
mod completions;
mod export;
mod facet_args;
mod import;
mod index_cache;
mod interactive;
mod list;
mod parcours;
mod partners;
mod progress_line;
mod search;
mod show;
mod stdout;
mod usage;

pub use usage::parse;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use rncp_explorer::app::view::strings;
use rncp_explorer::model::progress::{Phase, Progress};
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::model::{self, Catalogue, Fiche, registry};
use rncp_explorer::search::Kind;

/// Exit status for bad input data (unreadable or invalid file), like clap's usage errors.
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "rncp-explorer",
    version,
    about = "Explorer une fiche RNCP : parcours, maquette, compétences, emplois.",
    long_about = "Explorer une fiche RNCP : parcours, semestres, UE, ECTS, compétences et emplois.\n\
                  Sans sous-commande, ouvre l'explorateur plein écran sur la fiche intégrée \
                  (RNCP 24759, Master Science Politique) ou sur --data FICHIER.ron."
)]
pub struct Cli {
    /// Fiche au format RON à ouvrir à la place de la fiche intégrée ; répétable
    /// (--data a.ron --data b.ron) pour en ouvrir plusieurs.
    #[arg(long, global = true, value_name = "FICHIER.ron")]
    pub data: Vec<PathBuf>,

    /// La fiche (parmi celles de --data) sur laquelle travaillent export, compare
    /// et search : RNCP24759, 24759, RS5000…
    #[arg(long, global = true, value_name = "NUMERO")]
    pub fiche: Option<String>,

    /// Ne rien écrire pendant le chargement d'un export (ni progression ni bilan).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Lister chaque avertissement du chargement (fiche ignorée, balise inconnue…).
    #[arg(long, short, global = true, conflicts_with = "quiet")]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to say on stderr while and after loading.
#[derive(Debug, Clone, Copy, Default)]
pub struct Chatter {
    pub quiet: bool,
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Signaler ce qui est discutable dans la fiche (sommes d'ECTS, doublons, numérotation…).
    Check {
        /// Sortie JSON (tableau des constats).
        #[arg(long)]
        json: bool,
    },
    /// Comparer deux certifications (deux numéros : niveaux, validité, blocs, ROME,
    /// emplois…) ou deux parcours (UE communes, ECTS, compétences, secteurs, emplois).
    Compare {
        /// Gauche : un numéro de fiche (RNCP35340, 35340, RS5000), un parcours d'une
        /// fiche (24759:europe) ou un parcours de la fiche (« europe », « urbain », « humanit »).
        a: String,
        /// Droite, désignée de la même façon.
        b: String,
        /// Format de sortie.
        #[arg(long, value_enum, default_value_t)]
        format: compare::CompareFormat,
        /// Détailler le tronc commun UE par UE au lieu d'une ligne « identiques » (parcours).
        #[arg(long)]
        expand: bool,
        /// Largeur du texte en colonnes (par défaut : celle du terminal, sinon 97).
        #[arg(long, value_name = "COLONNES", value_parser = clap::value_parser!(u16).range(40..=1000))]
        width: Option<u16>,
    },
    /// Lister les fiches du catalogue (numéro, niveau, répertoire, état, fin
    /// d'enregistrement, intitulé), filtrées par facettes ; code de sortie 1 si
    /// aucune ne correspond.
    List {
        #[command(flatten)]
        facets: facet_args::FacetArgs,
        /// Ordre des lignes (par défaut : celui des sources).
        #[arg(long, value_enum, value_name = "ORDRE")]
        sort: Option<list::SortArg>,
        /// Sortie JSON (tableau : numero, repertoire, intitule, niveau, actif,
        /// fin_enregistrement…).
        #[arg(long)]
        json: bool,
    },
    /// Lister les parcours de la fiche : identifiant (pour compare) et nom.
    Parcours {
        /// Sortie JSON (tableau : id, name, short_name).
        #[arg(long)]
        json: bool,
    },
    /// Chercher une certification, un emploi, une compétence, une UE… (sans accents,
    /// mots abrégés, sigles, numéro RNCP/RS, code ROME) ; code de sortie 1 si rien ne
    /// correspond. Sur plusieurs fiches : les certifications, la meilleure d'abord.
    Search {
        /// Mots à chercher, dans n'importe quel ordre (« dev web », « chef cabinet »,
        /// « RH », « 37674 », « M1805 »).
        query: String,
        /// Les éléments trouvés (emplois, compétences…) plutôt que les certifications.
        #[arg(long)]
        items: bool,
        /// Ne chercher que ce type d'élément (sans requête : les lister tous).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Nombre maximal de résultats (les meilleurs).
        #[arg(long, value_name = "N", value_parser = parse_limit)]
        limit: Option<u32>,
        /// Sortie JSON (tableau de résultats).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        facets: facet_args::FacetArgs,
    },
    /// Afficher toute une fiche : identité, validité, blocs, résultats, partenaires…
    Show {
        /// Numéro de la fiche (RNCP37674, 37674, RS5000…).
        numero: String,
        /// Sortie JSON (la fiche entière, enregistrement du registre compris).
        #[arg(long)]
        json: bool,
    },
    /// Lister les partenaires habilités d'une certification, ou dire si un organisme
    /// l'est (--siret, --siren) et pour quel rôle ; code de sortie 1 s'il ne l'est pas.
    Partners {
        /// Numéro de la fiche (RNCP37674, 37674…).
        numero: String,
        /// SIRET de l'organisme (14 chiffres).
        #[arg(long, value_name = "N", value_parser = partners::parse_siret, conflicts_with = "siren")]
        siret: Option<String>,
        /// SIREN de l'organisme (9 chiffres) : tous ses établissements.
        #[arg(long, value_name = "N", value_parser = partners::parse_siren)]
        siren: Option<String>,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Exporter toute la fiche en JSON ou en Markdown sur la sortie standard.
    Export {
        /// Format de sortie.
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Lire le texte d'une fiche RNCP et l'écrire en RON (chargeable avec --data).
    Import(import::ImportArgs),
    /// Écrire le script de complétion pour un shell (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Écrire la page de manuel (roff) sur la sortie standard : `rncp-explorer manpage | man -l -`.
    Manpage,
}

/// `--limit`: a whole number from 1, with a French reason otherwise.
fn parse_limit(value: &str) -> Result<u32, String> {
    match value.trim().parse::<u32>() {
        Ok(0) => Err("au moins 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("un nombre entier de 1 à 4294967295 est attendu".into()),
    }
}

/// `--kind` values: the search kinds' machine names.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Job,
    Competence,
    Activity,
    Sector,
    Ue,
    Course,
    /// L'intitulé de la certification.
    Title,
    /// Le type de diplôme (abrégé : « Brevet de technicien supérieur »).
    Abbreviation,
    /// Le libellé d'un bloc de compétences.
    Bloc,
    /// Le libellé d'un code ROME.
    Rome,
    /// Le nom d'un certificateur.
    Certifier,
}

impl From<KindArg> for Kind {
    fn from(arg: KindArg) -> Kind {
        match arg {
            KindArg::Job => Kind::Job,
            KindArg::Competence => Kind::Competence,
            KindArg::Activity => Kind::Activity,
            KindArg::Sector => Kind::Sector,
            KindArg::Ue => Kind::Ue,
            KindArg::Course => Kind::Course,
            KindArg::Title => Kind::Title,
            KindArg::Abbreviation => Kind::Abbreviation,
            KindArg::Bloc => Kind::Bloc,
            KindArg::Rome => Kind::Rome,
            KindArg::Certifier => Kind::Certifier,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    /// Le format natif (chargeable avec --data).
    Ron,
    Markdown,
}

/// Loads the fiches named by `--data`, or the embedded one. Errors go to
/// stderr; so does a progress line while an export is read, when stderr is
/// a terminal and not `--quiet`.
pub fn load(data: &[PathBuf], chatter: Chatter) -> Result<Catalogue, ExitCode> {
    let progress = Progress::new();
    let options = registry::Options {
        progress: Some(Arc::clone(&progress)),
        ..registry::Options::default()
    };
    let line = (!chatter.quiet && !data.is_empty() && std::io::stderr().is_terminal())
        .then(|| progress_line::spawn(Arc::clone(&progress)));
    let result = model::load_sources(data, &options);
    if let Some(line) = line {
        line.finish();
    }
    let sources = result.map_err(|e| {
        eprintln!("rncp-explorer: {e}");
        ExitCode::from(EXIT_BAD_INPUT)
    })?;
    // After an export only: a RON fiche or the embedded one has nothing to report.
    if progress.snapshot().phase == Phase::Done {
        report_warnings(&sources.warnings, sources.catalogue.len(), chatter);
    }
    Ok(sources.catalogue)
}

/// What an export made us skip or repair, on stderr (stdout stays the
/// command's): every warning, located, with `--verbose`; one line of counts
/// otherwise, unless `--quiet`.
fn report_warnings(warnings: &[registry::Warning], fiches: usize, chatter: Chatter) {
    if chatter.verbose {
        for warning in warnings {
            eprintln!("rncp-explorer: avertissement : {warning}");
        }
    }
    if !chatter.quiet {
        eprintln!(
            "{}",
            strings::load_summary(fiches, warnings.len(), chatter.verbose)
        );
    }
}

/// True when one of `paths` starts like an export (XML or zip).
fn any_export(paths: &[PathBuf]) -> bool {
    use std::io::Read;
    paths.iter().any(|path| {
        let mut head = [0u8; 64];
        let Ok(file) = std::fs::File::open(path) else {
            return false;
        };
        // `take` so that a device or a pipe named by mistake is never read long.
        let n = file.take(64).read(&mut head).unwrap_or(0);
        registry::detect(&head[..n]) != registry::Format::Ron
    })
}

/// The one fiche a fiche-level subcommand works on: `--fiche`, or the only
/// one loaded. Several loaded and no `--fiche` is a usage error, never a
/// silent choice.
fn one_fiche<'a>(catalogue: &'a Catalogue, wanted: Option<&str>) -> Result<&'a Fiche, ExitCode> {
    let fail = |message: String| {
        eprintln!("rncp-explorer: {message}");
        ExitCode::from(EXIT_BAD_INPUT)
    };
    match wanted {
        Some(text) => match catalogue.lookup(text) {
            Some(id) => Ok(catalogue.get(id)),
            None => Err(fail(format!(
                "--fiche : aucune fiche chargée ne porte le numéro « {} »",
                escape_for_terminal(text)
            ))),
        },
        None if catalogue.len() == 1 => Ok(catalogue.get(model::FicheId::FIRST)),
        None => Err(fail(format!(
            "{} fiches chargées : précisez laquelle avec --fiche NUMERO",
            catalogue.len()
        ))),
    }
}

/// The fiche a subcommand names by number (any form `lookup` reads);
/// none is reported on stderr.
fn find_fiche<'a>(catalogue: &'a Catalogue, number: &str) -> Option<&'a Fiche> {
    let found = catalogue.lookup(number).map(|id| catalogue.get(id));
    if found.is_none() {
        eprintln!(
            "rncp-explorer: aucune fiche chargée ne porte le numéro « {} »",
            escape_for_terminal(number)
        );
    }
    found
}

pub fn run(cli: Cli) -> ExitCode {
    let command = match cli.command {
        // import reads a text fiche, not a data file: nothing to load first.
        Some(Command::Import(args)) => return import::run(&args, cli.data.first()),
        // Generated from the argument definitions alone.
        Some(Command::Completions { shell }) => return completions::completions(shell),
        Some(Command::Manpage) => return completions::manpage(),
        other => other,
    };
    let chatter = Chatter {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    // The explorer on a terminal loads an export behind its first frame,
    // with a gauge. RON fiches load at once: their errors still come before
    // the screen is taken.
    if command.is_none() && std::io::stdout().is_terminal() && any_export(&cli.data) {
        return interactive::run_loading(cli.data, chatter);
    }
    // search loads what it needs itself (or reads the index it kept).
    if let Some(Command::Search {
        query,
        items,
        kind,
        limit,
        json,
        facets,
    }) = &command
    {
        let request = search::Request {
            text: query,
            kind: kind.map(Kind::from),
            limit: limit.map(|n| n as usize),
            json: *json,
            items: *items,
            facets: facets.facets(),
        };
        return search::run(&cli.data, cli.fiche.as_deref(), chatter, &request);
    }
    let catalogue = match load(&cli.data, chatter) {
        Ok(catalogue) => catalogue,
        Err(code) => return code,
    };
    let Some(command) = command else {
        return interactive::run(catalogue);
    };
    let wanted = cli.fiche.as_deref();
    let with_fiche = |work: &dyn Fn(&Fiche) -> ExitCode| match one_fiche(&catalogue, wanted) {
        Ok(fiche) => work(fiche),
        Err(code) => code,
    };
    match command {
        Command::Check { json } => check::run(&catalogue, json),
        Command::Compare {
            a,
            b,
            format,
            expand,
            width,
        } => {
            let how = compare::Render {
                format,
                expand,
                width,
            };
            compare::run(&catalogue, wanted, &a, &b, how)
        }
        Command::Show { numero, json } => show::run(&catalogue, &numero, json),
        Command::Partners {
            numero,
            siret,
            siren,
            json,
        } => {
            let who = match (siret, siren) {
                (Some(n), _) => Some(partners::Who::Siret(n)),
                (None, Some(n)) => Some(partners::Who::Siren(n)),
                (None, None) => None,
            };
            partners::run(&catalogue, &numero, who, json)
        }
        Command::List { facets, sort, json } => list::run(&catalogue, &facets.facets(), sort, json),
        Command::Parcours { json } => with_fiche(&|fiche| parcours::run(fiche, json)),
        // The whole catalogue unless one fiche is asked for.
        Command::Export { format } if wanted.is_none() && catalogue.len() > 1 => {
            export::run_all(catalogue.iter().map(|(_, f)| f), format)
        }
        Command::Export { format } => with_fiche(&|fiche| export::run(fiche, format)),
        // Handled before loading; here only for the match to be whole.
        Command::Search { .. } => unreachable!("search runs before loading"),
        Command::Import(args) => import::run(&args, cli.data.first()),
        Command::Completions { shell } => completions::completions(shell),
        Command::Manpage => completions::manpage(),
    }
}
