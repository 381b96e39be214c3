//! France Compétences' export: the real samples load with their exact strings,
//! bad input gives located errors, a bad fiche is skipped, the cache is reused
//! only while it matches. All on small fixtures (`tests/fixtures/registry/`).

use std::io::Write;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rncp_explorer::model::registry::{
    self, Date, Format, Habilitation, Item, Loaded, Options, Record, Repertoire,
};
use rncp_explorer::model::{Availability, Fiche, RouteKind};

const RNCP_XML: &str = "tests/fixtures/registry/export-rncp-sample.xml";
const RS_XML: &str = "tests/fixtures/registry/export-rs-sample.xml";
const RNCP_ZIP: &str = "tests/fixtures/registry/export-fiches-rncp-v4-1-sample.zip";

fn no_cache() -> Options {
    Options {
        cache: false,
        ..Options::default()
    }
}

fn open(path: &str) -> Loaded {
    registry::read(Path::new(path), &no_cache()).unwrap_or_else(|e| panic!("{e}"))
}

fn bytes(text: &str) -> Result<Loaded, String> {
    registry::read_bytes(text.as_bytes(), "t.xml", &no_cache()).map_err(|e| e.to_string())
}

fn fiche<'a>(loaded: &'a Loaded, numero: &str) -> (&'a Fiche, &'a Record) {
    let f = loaded
        .fiches
        .iter()
        .find(|f| f.registry.as_ref().unwrap().numero.to_string() == numero)
        .unwrap_or_else(|| panic!("{numero} absent"));
    (f, f.registry.as_deref().unwrap())
}

fn sample() -> String {
    std::fs::read_to_string(RNCP_XML).unwrap()
}

fn date(text: &str) -> Option<Date> {
    Date::parse(text)
}

/// A scratch folder under `target/` (tests never write outside the repo).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("registry-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_sample_loads_without_warnings() {
    for (path, count) in [(RNCP_XML, 8), (RS_XML, 5), (RNCP_ZIP, 8)] {
        let loaded = open(path);
        assert_eq!(loaded.fiches.len(), count, "{path}");
        assert_eq!(loaded.version.as_deref(), Some("4.1"));
        assert!(loaded.warnings.is_empty(), "{path}: {:?}", loaded.warnings);
        assert!(!loaded.from_cache);
    }
}

#[test]
fn detect_tells_formats_by_content() {
    assert_eq!(registry::detect(b"PK\x03\x04rest"), Format::Zip);
    assert_eq!(registry::detect(b"\xEF\xBB\xBF<?xml version"), Format::Xml);
    assert_eq!(registry::detect(b"  \n<FICHES>"), Format::Xml);
    assert_eq!(registry::detect(b"(\n rncp_code"), Format::Ron);
    assert_eq!(registry::detect(b"// fiche\n("), Format::Ron);
    assert_eq!(registry::detect(b""), Format::Ron);
}

#[test]
fn rncp34762_spot_checks() {
    let loaded = open(RNCP_XML);
    let (f, r) = fiche(&loaded, "RNCP34762");
    assert_eq!(f.rncp_code, "34762");
    assert_eq!(r.numero.repertoire, Repertoire::Rncp);
    assert_eq!(
        f.intitule,
        "Programme Grande Ecole – Diplôme d’études supérieures en management"
    );
    assert_eq!(r.active, Some(false));
    assert_eq!(r.europe_level.as_ref().unwrap().level, Some(7));
    assert_eq!(f.levels.europe.as_deref(), Some("7"));
    assert_eq!(r.dates.end_of_registration, date("31/08/2024"));
    assert_eq!(r.dates.effect, date("01/09/2020"));
    let replaced: Vec<String> = r.replaced_by.iter().map(|n| n.to_string()).collect();
    assert_eq!(replaced, ["RNCP39568"]);
    assert_eq!(r.replaces[0].to_string(), "RNCP24998");
    assert_eq!(
        f.authority.organisations[0],
        "ETABLISSEMENT D'ENSEIGNEMENT SUPERIEUR CONSULAIRE GRENOBLE ECOLE DE MANAGEMENT"
    );
    assert_eq!(r.certifiers[0].siret.as_deref(), Some("81738914100018"));
    assert_eq!(r.certifiers[0].state_changed, date("23/07/2020"));
    assert_eq!(
        f.rome[0].label,
        "Audit et contrôle comptables et financiers"
    );
    let bloc = &r.blocs[0];
    assert_eq!(bloc.code, "RNCP34762BC01");
    assert_eq!(
        bloc.label,
        "Stratégie, organisation, environnement socioéconomique et géopolitique"
    );
    assert!(bloc.competences.as_ref().unwrap().items.iter().any(|i| i.text()
        == "A1C1. Evaluer, depuis son périmètre et/ou son métier, avec les outils adéquats, les contextes économiques et géopolitiques qui peuvent venir impacter les choix stratégiques de l'entreprise et la conduite opérationnelle des activités"));
    let jobs = &f.parcours[0].jobs;
    assert!(
        jobs.contains(&"Responsable qualité".to_string()),
        "{jobs:?}"
    );
    assert!(
        jobs.contains(&"Chef de projet en SI".to_string()),
        "{jobs:?}"
    );
    // The parcours convention of a fiche without tracks: one, named after the fiche.
    assert_eq!(f.parcours.len(), 1);
    assert!(f.parcours[0].semesters.is_empty());
    assert!(
        f.legal_base
            .general_decree
            .as_deref()
            .unwrap()
            .starts_with("Arrêté du 4 novembre 1985 paru au Journal officiel du 9 novembre 1985")
    );
    let promo = &r.promotions[0];
    assert_eq!((promo.year, promo.certified), (Some(2018), Some(876)));
}

#[test]
fn rncp35419_jobs_are_split_from_bullets_and_routes_mapped() {
    let loaded = open(RNCP_XML);
    let (f, r) = fiche(&loaded, "RNCP35419");
    let jobs = &f.parcours[0].jobs;
    assert_eq!(jobs.len(), 12, "{jobs:?}");
    assert_eq!(jobs[1], "Architecte logiciel");
    assert_eq!(jobs[3], "CTO (Chief Technology Officer)");
    assert_eq!(
        f.rome[0].label,
        "Expertise et support en systèmes d'information"
    );
    assert_eq!(
        f.parcours[0].activities,
        [
            "Activité 1 : Gestion de la relation client",
            "Activité 2 : Pilotage de projet d'ingénierie logiciel",
            "Activité 3 : Intégration, industrialisation et déploiement du logiciel",
            "Activité 4 : Conception avancée de l'architecture du logiciel",
        ]
    );
    let kinds: Vec<RouteKind> = f.access.routes.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RouteKind::Student,
            RouteKind::Apprenticeship,
            RouteKind::ContinuingEducation,
            RouteKind::ProfessionalisationContract,
            RouteKind::IndividualApplication,
            RouteKind::Vae
        ]
    );
    assert!(f.access.routes.iter().all(|r| r.open == Availability::Yes));
    assert_eq!(f.access.new_caledonia, Availability::No);
    assert_eq!(r.partners[0].siret.as_deref(), Some("80875076400025"));
    assert_eq!(
        r.partners[0].habilitation,
        Some(Habilitation::TrainAndAssess)
    );
    assert_eq!(r.dates.decision, date("17/03/2021"));
    assert_eq!(r.replaced_by[0].to_string(), "RNCP42147");
}

#[test]
fn other_rncp_samples_spot_checks() {
    let loaded = open(RNCP_XML);
    let (f, r) = fiche(&loaded, "RNCP35625");
    for job in [
        "concepteur lumière",
        "éclairagiste",
        "régisseur intermédiaire",
    ] {
        assert!(f.parcours[0].jobs.contains(&job.to_string()), "{job}");
    }
    assert_eq!(f.rome[0].label, "Éclairage spectacle");
    assert_eq!(
        r.blocs[0].label,
        "Usages avancés et spécialisés des outils numériques"
    );

    let (f, r) = fiche(&loaded, "RNCP35809");
    assert_eq!(f.parcours[0].jobs[0], "Chef de chantier second œuvre");
    assert!(
        f.parcours[0]
            .sectors
            .contains(&"cloisonnements".to_string())
    );
    assert_eq!(r.blocs[0].label, "Répondre à un projet");
    assert_eq!(
        r.blocs[0].competences.as_ref().unwrap().items[0],
        Item::Bullet(1, "Analyser le dossier de l'affaire".into())
    );

    let (f, r) = fiche(&loaded, "RNCP37674");
    assert_eq!(r.partners.len(), 471);
    assert_eq!(r.partners[0].siret.as_deref(), Some("88055223700047"));
    assert!(
        r.partners
            .iter()
            .any(|p| p.habilitation == Some(Habilitation::Train))
    );
    assert!(
        f.parcours[0]
            .jobs
            .contains(&"développeur full stack".to_string())
    );
    assert_eq!(r.replaces[0].to_string(), "RNCP31114");
    assert!(!r.correspondences.is_empty());
    let c = &r.correspondences[0];
    assert_eq!(c.destination.as_ref().unwrap().to_string(), "RNCP31114");
    assert!(c.source_blocs.iter().all(|b| b.starts_with("RNCP37674BC")));

    let (_, r) = fiche(&loaded, "RNCP37873");
    assert_eq!(r.partners.len(), 439);
    assert_eq!(r.blocs[0].label, "Développer une application sécurisée");

    let (f, r) = fiche(&loaded, "RNCP37488");
    assert_eq!(r.blocs[0].label, "Mise en œuvre de réseaux informatiques");
    assert!(
        f.parcours[0]
            .jobs
            .contains(&"analyste en cybersécurité".to_string())
    );
    assert!(!f.parcours[0].jobs.iter().any(|j| j == "etc"));
}

#[test]
fn rs_samples_spot_checks() {
    let loaded = open(RS_XML);
    let (f, r) = fiche(&loaded, "RS6232");
    assert_eq!(r.numero.repertoire, Repertoire::Rs);
    assert_eq!(f.rncp_code, "6232");
    assert_eq!(r.europe_level, None);
    assert_eq!(f.levels.europe, None);
    assert_eq!(r.replaced_by[0].to_string(), "RS7485");
    assert_eq!(f.authority.organisations[0], "ADXF2");
    assert_eq!(r.certifiers[0].siret.as_deref(), Some("93905426800023"));
    assert_eq!(r.dates.end_of_registration, date("25/01/2026"));
    assert_eq!(r.dates.decision, date("25/01/2023"));
    assert_eq!(r.registration_years, Some(3));
    assert_eq!(r.partial_validation, Some(false));
    assert!(f.parcours[0].competences[0].starts_with("Analyser la commande du donneur d’ordre"));

    let (f, r) = fiche(&loaded, "RS5719");
    assert_eq!(f.intitule, "Premiers secours en équipe de niveau 1");
    assert_eq!(r.partners.len(), 377);
    assert_eq!(r.partners[0].siret.as_deref(), Some("84244912600023"));
    assert!(r.partners[0].active_since.is_some() || r.partners[0].state_changed.is_some());
    let (_, r) = fiche(&loaded, "RS7485");
    assert_eq!(r.replaces[0].to_string(), "RS6232");
}

#[test]
fn the_zip_and_the_xml_give_the_same_fiches() {
    let xml = open(RNCP_XML);
    let zip = open(RNCP_ZIP);
    assert_eq!(xml.fiches, zip.fiches);
}

#[test]
fn a_registry_fiche_round_trips_through_ron_and_json() {
    let loaded = open(RNCP_XML);
    for f in &loaded.fiches {
        let ron = ron::ser::to_string_pretty(f, ron::ser::PrettyConfig::default()).unwrap();
        let back = rncp_explorer::model::parse_str(&ron, "fiche.ron").unwrap();
        assert_eq!(&back, f);
        let json = serde_json::to_string(f).unwrap();
        let back: Fiche = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, f);
    }
}

#[test]
fn a_fiche_without_registry_serializes_as_before() {
    let fiche = rncp_explorer::model::embedded();
    assert!(fiche.registry.is_none());
    let json = serde_json::to_string(&fiche).unwrap();
    assert!(!json.contains("registry"));
}

// ---- bad input: each case gives its located error -------------------------

#[test]
fn not_xml_is_refused() {
    let e = bytes("hello").unwrap_err();
    assert_eq!(
        e,
        "t.xml:1:1: ce n'est ni un export XML ni un zip France Compétences"
    );
}

#[test]
fn a_wrong_root_is_refused_at_its_place() {
    let e = bytes("<?xml version=\"1.0\"?>\n<CATALOGUE><FICHE/></CATALOGUE>").unwrap_err();
    assert!(
        e.starts_with("t.xml:2:1: racine <CATALOGUE> inattendue"),
        "{e}"
    );
}

#[test]
fn an_unknown_version_warns_and_reads() {
    let text = sample().replace(
        "<VERSION_FLUX>4.1</VERSION_FLUX>",
        "<VERSION_FLUX>5.0</VERSION_FLUX>",
    );
    let loaded = bytes(&text).unwrap();
    assert_eq!(loaded.fiches.len(), 8);
    assert!(
        loaded.warnings[0]
            .to_string()
            .contains("VERSION_FLUX « 5.0 » inconnue")
    );
}

#[test]
fn a_truncated_file_is_refused_with_its_place() {
    let text = sample();
    // Cut in the middle of the third fiche.
    let third = text.match_indices("<FICHE>").nth(2).unwrap().0;
    let e = bytes(&text[..third + 500]).unwrap_err();
    let line = text[..third].matches('\n').count() + 1;
    assert_eq!(
        e,
        format!(
            "t.xml:{line}:3: fichier tronqué : cette fiche n'est pas terminée (</FICHE> manquant)"
        )
    );
    // Cut after a complete fiche: the root never closes.
    let end = text.find("</FICHE>").unwrap() + "</FICHE>".len();
    let e = bytes(&text[..end]).unwrap_err();
    assert!(e.contains("fichier tronqué : </FICHES> manquant"), "{e}");
}

#[test]
fn invalid_utf8_is_refused_with_its_place() {
    let text = sample();
    let at = text.find("Programme Grande Ecole").unwrap();
    let mut raw = text.into_bytes();
    raw[at] = 0xff;
    let e = registry::read_bytes(&raw, "t.xml", &no_cache()).unwrap_err();
    assert_eq!(e.position, Some((17, 15)), "{e}");
    assert!(e.message.contains("UTF-8"));
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_zip_without_the_xml_is_refused() {
    let zip = zip_with(&[("LISEZMOI.txt", b"rien")]);
    let e = registry::read_bytes(&zip, "x.zip", &no_cache()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "x.zip: archive zip sans fichier XML d'export (LISEZMOI.txt)"
    );
    let e = registry::read_bytes(b"PK\x03\x04garbage", "x.zip", &no_cache()).unwrap_err();
    assert!(
        e.to_string().starts_with("x.zip: archive zip illisible"),
        "{e}"
    );
}

#[test]
fn a_zip_inflating_past_the_cap_is_refused() {
    let xml = sample();
    let zip = zip_with(&[("export_fiches_RNCP_V4_1_2026-08-16.xml", xml.as_bytes())]);
    let options = Options {
        cache: false,
        max_xml_bytes: 100_000,
        ..Options::default()
    };
    let e = registry::read_bytes(&zip, "x.zip", &options).unwrap_err();
    assert!(
        e.to_string().contains("plus que la limite de 100000"),
        "{e}"
    );
    // The same zip under the default cap reads.
    let loaded = registry::read_bytes(&zip, "x.zip", &no_cache()).unwrap();
    assert_eq!(loaded.fiches.len(), 8);
}

#[test]
fn an_xml_past_the_cap_is_refused() {
    let options = Options {
        cache: false,
        max_xml_bytes: 10_000,
        ..Options::default()
    };
    let e = registry::read_bytes(sample().as_bytes(), "t.xml", &options).unwrap_err();
    assert!(e.to_string().contains("contenu trop gros"), "{e}");
}

#[test]
fn devices_pipes_and_folders_are_refused_without_reading() {
    let e = registry::read(Path::new("/dev/zero"), &no_cache()).unwrap_err();
    assert!(
        e.to_string().contains("n'est pas un fichier ordinaire"),
        "{e}"
    );
    let dir = scratch("fifo");
    let fifo = dir.join("export.xml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let e = registry::read(&fifo, &no_cache()).unwrap_err();
        assert!(
            e.to_string().contains("n'est pas un fichier ordinaire"),
            "{e}"
        );
    }
    let e = registry::read(&dir, &no_cache()).unwrap_err();
    assert!(e.to_string().contains("dossier"), "{e}");
    let e = registry::read(&dir.join("absent.zip"), &no_cache()).unwrap_err();
    assert!(e.to_string().ends_with("fichier introuvable"), "{e}");
}

// ---- a bad fiche in a good export -----------------------------------------

#[test]
fn a_fiche_without_number_is_skipped_with_a_located_warning() {
    let text = sample().replace("<NUMERO_FICHE>RNCP35809</NUMERO_FICHE>", "");
    let loaded = bytes(&text).unwrap();
    assert_eq!(loaded.fiches.len(), 7);
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("sans NUMERO_FICHE"))
        .unwrap();
    // The warning points at that fiche's <FICHE>.
    let (l, c) = w.position.unwrap();
    assert_eq!(c, 3);
    assert!(text.lines().nth(l - 1).unwrap().trim() == "<FICHE>", "{w}");
    assert!(w.to_string().starts_with(&format!(
        "t.xml:{l}:3: fiche ignorée : fiche sans NUMERO_FICHE"
    )));
}

#[test]
fn a_fiche_with_an_invalid_date_is_skipped_and_the_rest_kept() {
    let text = sample().replacen(
        "<DATE_FIN_ENREGISTREMENT>31/08/2026",
        "<DATE_FIN_ENREGISTREMENT>31/02/2026",
        1,
    );
    let loaded = bytes(&text).unwrap();
    assert_eq!(loaded.fiches.len(), 7);
    let w = &loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("date invalide"))
        .unwrap();
    assert!(
        w.message.starts_with(
            "fiche ignorée : RNCP35809 : DATE_FIN_ENREGISTREMENT : date invalide « 31/02/2026 »"
        ),
        "{w}"
    );
    let (l, _) = w.position.unwrap();
    assert!(text.lines().nth(l - 1).unwrap().contains("31/02/2026"));
}

#[test]
fn duplicate_numbers_keep_the_first() {
    let text = sample().replace(
        "<NUMERO_FICHE>RNCP35809</NUMERO_FICHE>",
        "<NUMERO_FICHE>RNCP34762</NUMERO_FICHE>",
    );
    let loaded = bytes(&text).unwrap();
    assert_eq!(loaded.fiches.len(), 7);
    let (f, _) = fiche(&loaded, "RNCP34762");
    assert!(f.intitule.starts_with("Programme Grande Ecole"));
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("RNCP34762 en double") && w.position.is_some())
    );
}

#[test]
fn unknown_tags_are_kept_and_reported() {
    let text = sample().replacen(
        "<ETAT_FICHE>Publiée</ETAT_FICHE>",
        "<ETAT_FICHE>Publiée</ETAT_FICHE><NOUVEAU_CHAMP>valeur <B>x</B></NOUVEAU_CHAMP>",
        1,
    );
    let loaded = bytes(&text).unwrap();
    let (_, r) = fiche(&loaded, "RNCP34762");
    let paths: Vec<(&str, &str)> = r
        .extra
        .iter()
        .map(|e| (e.path.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(
        paths,
        [("NOUVEAU_CHAMP", "valeur"), ("NOUVEAU_CHAMP/B", "x")]
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message == "balise inconnue NOUVEAU_CHAMP : gardée telle quelle")
    );
}

#[test]
fn control_characters_never_reach_the_model() {
    let text = sample().replacen(
        "Programme Grande Ecole",
        "Programme&#27;[2J Grande\u{202e} Ecole",
        1,
    );
    let loaded = bytes(&text).unwrap();
    let (f, _) = fiche(&loaded, "RNCP34762");
    assert!(
        f.intitule.starts_with("Programme[2J Grande Ecole"),
        "{}",
        f.intitule
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("2 caractère(s) de contrôle"))
    );
    let ron = ron::to_string(f).unwrap();
    assert!(rncp_explorer::model::parse_str(&ron, "f.ron").is_ok());
}

#[test]
fn escaped_html_in_old_exports_is_cleaned_and_kept_raw() {
    let text = sample().replacen(
        "<ACTIVITES_VISEES>",
        "<ACTIVITES_VISEES>&lt;p&gt;Gestion d&amp;amp;eacute;l&amp;eacute;gu&amp;eacute;e&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Cr&amp;eacute;er&lt;/li&gt;&lt;/ul&gt;    ",
        1,
    );
    let loaded = bytes(&text).unwrap();
    let (f, r) = fiche(&loaded, "RNCP34762");
    assert_eq!(f.parcours[0].activities[0], "Gestion déléguée");
    assert_eq!(f.parcours[0].activities[1], "Créer");
    assert!(
        r.activities
            .as_ref()
            .unwrap()
            .raw
            .as_ref()
            .unwrap()
            .starts_with("<p>Gestion d&amp;eacute;")
    );
}

// ---- the cache -------------------------------------------------------------

#[test]
fn the_cache_is_reused_then_rebuilt_when_stale_or_corrupt() {
    let dir = scratch("cache");
    let export = dir.join("export.zip");
    std::fs::copy(RNCP_ZIP, &export).unwrap();
    let options = Options {
        cache: true,
        cache_dir: Some(dir.join("cache")),
        ..Options::default()
    };
    let first = registry::read(&export, &options).unwrap();
    assert!(!first.from_cache);
    let second = registry::read(&export, &options).unwrap();
    assert!(second.from_cache);
    assert_eq!(first.fiches, second.fiches);
    assert_eq!(first.warnings, second.warnings);
    let cache_files: Vec<PathBuf> = std::fs::read_dir(dir.join("cache"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        cache_files.len(),
        1,
        "no temporary file left: {cache_files:?}"
    );
    let cache_file = &cache_files[0];

    // Garbage, truncation, a flipped byte: never trusted, rebuilt.
    let good = std::fs::read(cache_file).unwrap();
    let mut flipped = good.clone();
    let last = flipped.len() - 10;
    flipped[last] ^= 0x55;
    for bad in [
        b"garbage".to_vec(),
        good[..good.len() / 2].to_vec(),
        flipped,
    ] {
        std::fs::write(cache_file, &bad).unwrap();
        let again = registry::read(&export, &options).unwrap();
        assert!(!again.from_cache);
        assert_eq!(again.fiches, first.fiches);
        assert!(registry::read(&export, &options).unwrap().from_cache);
    }

    // The export changes: the cache is stale.
    std::fs::copy(RS_XML, &export).unwrap();
    let changed = registry::read(&export, &options).unwrap();
    assert!(!changed.from_cache);
    assert_eq!(changed.fiches.len(), 5);
    assert!(registry::read(&export, &options).unwrap().from_cache);
}

#[test]
fn the_cache_folder_follows_the_environment_variable() {
    // Only read here: the variable is set by whoever runs the suite, if at all.
    let dir = registry::cache_dir();
    if let Some(v) = std::env::var_os(registry::CACHE_DIR_ENV) {
        assert_eq!(dir, Some(PathBuf::from(v)));
    } else if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && std::env::var_os("XDG_CACHE_HOME").is_none()
    {
        assert_eq!(dir, Some(PathBuf::from(home).join(".cache/rncp-explorer")));
    }
}

// ---- any bytes: a catalogue or a located error, never a panic ---------------

fn small_export() -> String {
    let text = sample();
    // The first fiche only, so that each case is quick.
    let end = text.find("</FICHE>").unwrap() + "</FICHE>".len();
    format!("{}\n</FICHES>\n", &text[..end])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_give_fiches_or_an_error(data in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = registry::read_bytes(&data, "p.xml", &no_cache());
        let mut xml = b"<?xml version=\"1.0\"?><FICHES>".to_vec();
        xml.extend(&data);
        let _ = registry::read_bytes(&xml, "p.xml", &no_cache());
    }

    #[test]
    fn a_damaged_export_gives_fiches_or_a_located_error(
        cut in 0usize..20_000,
        flips in proptest::collection::vec((0usize..20_000, any::<u8>()), 0..4),
    ) {
        let mut data = small_export().into_bytes();
        for (at, byte) in flips {
            let at = at % data.len();
            data[at] = byte;
        }
        data.truncate(data.len().saturating_sub(cut % data.len()));
        match registry::read_bytes(&data, "p.xml", &no_cache()) {
            Ok(loaded) => prop_assert!(loaded.fiches.len() <= 1),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }
}

#[test]
fn several_exports_read_in_parallel_on_the_pool_never_deadlock() {
    use rayon::prelude::*;
    // More reads than pool threads, each from a pool thread: the read-ahead
    // bound must not leave every thread waiting.
    let counts: Vec<usize> = (0..6)
        .into_par_iter()
        .map(|i| {
            let path = if i % 2 == 0 { RNCP_XML } else { RNCP_ZIP };
            // Small pieces: many more in flight than the read-ahead bound.
            let options = Options {
                chunk_bytes: 2_000,
                ..no_cache()
            };
            registry::read(Path::new(path), &options)
                .unwrap()
                .fiches
                .len()
        })
        .collect();
    assert_eq!(counts, [8; 6]);
}

#[test]
fn small_chunks_give_the_same_fiches_and_the_same_places() {
    let text = sample()
        .replace("<NUMERO_FICHE>RNCP35809</NUMERO_FICHE>", "")
        .replacen(
            "<DATE_FIN_ENREGISTREMENT>31/08/2028",
            "<DATE_FIN_ENREGISTREMENT>31/02/2028",
            1,
        )
        .replacen(
            "Concepteur développeur",
            "Concepteur\u{200b} développeur",
            1,
        );
    let whole = bytes(&text).unwrap();
    assert!(whole.warnings.len() >= 3, "{:?}", whole.warnings);
    for chunk_bytes in [1, 700, 5_000, 64 << 10] {
        let options = Options {
            chunk_bytes,
            ..no_cache()
        };
        let pieces = registry::read_bytes(text.as_bytes(), "t.xml", &options).unwrap();
        assert_eq!(pieces.fiches, whole.fiches, "{chunk_bytes}");
        assert_eq!(pieces.warnings, whole.warnings, "{chunk_bytes}");
        let cut = &text[..text.len() - 3_000];
        assert_eq!(
            registry::read_bytes(cut.as_bytes(), "t.xml", &options).unwrap_err(),
            registry::read_bytes(cut.as_bytes(), "t.xml", &no_cache()).unwrap_err(),
        );
    }
}

// ---- progress and cancel ---------------------------------------------------

use rncp_explorer::model::progress::{Phase, Progress};

#[test]
fn progress_counts_the_bytes_of_the_file_xml_or_zipped() {
    for path in [RNCP_XML, RNCP_ZIP] {
        let progress = Progress::new();
        let options = Options {
            progress: Some(progress.clone()),
            ..no_cache()
        };
        registry::read(Path::new(path), &options).unwrap();
        let s = progress.snapshot();
        let size = std::fs::metadata(path).unwrap().len();
        // A zip is counted in compressed bytes consumed (its directory is
        // read first, so a little more than the file may be counted).
        assert!(s.done >= size, "{path}: {} of {size}", s.done);
        assert_eq!(s.total, size, "{path}");
        assert_eq!(s.phase, Phase::Structuring, "{path}");
    }
}

#[test]
fn a_cancelled_load_stops_with_its_own_error_and_leaves_no_cache() {
    let dir = scratch("cancel");
    let export = dir.join("export.zip");
    std::fs::copy(RNCP_ZIP, &export).unwrap();
    let progress = Progress::new();
    progress.cancel();
    let options = Options {
        cache: true,
        cache_dir: Some(dir.join("cache")),
        progress: Some(progress),
        ..Options::default()
    };
    let err = registry::read(&export, &options).unwrap_err();
    assert!(err.is_cancelled(), "{err}");
    let left: Vec<PathBuf> = std::fs::read_dir(dir.join("cache"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "nothing cached after a cancel: {left:?}");
    // The same file without the cancel loads and caches: the error was the cancel's.
    let options = Options {
        progress: None,
        ..options
    };
    assert_eq!(registry::read(&export, &options).unwrap().fiches.len(), 8);
    // A data error is never taken for a cancel.
    assert!(!bytes_err("<FICHES><FICHE>").is_cancelled());
}

fn bytes_err(text: &str) -> rncp_explorer::model::LoadError {
    registry::read_bytes(text.as_bytes(), "t.xml", &no_cache()).unwrap_err()
}

/// RNCP35340's second option title has no colon: it is a title, not a job.
#[test]
fn rncp35340_jobs_are_the_job_titles_of_both_options_only() {
    let loaded = open("tests/fixtures/registry/export-rncp-bts-sio-sample.xml");
    let (f, _) = fiche(&loaded, "RNCP35340");
    let jobs = &f.parcours[0].jobs;
    assert!(!jobs.iter().any(|j| j.starts_with("Option")), "{jobs:?}");
    assert_eq!(
        jobs.first().map(String::as_str),
        Some("administrateur systèmes et réseaux")
    );
    assert!(
        jobs.iter().any(|j| j == "analyste d'applications"),
        "{jobs:?}"
    );
    // Ten titles per option (one shared by both is listed once per option).
    assert_eq!(jobs.len(), 10 + 12, "{jobs:?}");
}
