//! Several fiches at once: `--data` repeated, numbers, and the app and
//! engines working across fiches.

mod common;

use std::process::{Command, Output};

use common::cli::{run, stderr, stdout};
use rncp_explorer::app::{Action, App, Pane, Subject, update};
use rncp_explorer::compare::{self, Options, Side};
use rncp_explorer::model::{self, Catalogue, FicheId};
use rncp_explorer::search::{Filter, Query};

const MINIMAL: &str = "tests/fixtures/minimal.ron";
const SCIENCE_PO: &str = "assets/rncp-24759.ron";

fn two_fiches() -> Catalogue {
    model::load_catalogue(&[SCIENCE_PO.into(), MINIMAL.into()]).expect("both load")
}

#[test]
fn repeated_data_checks_every_fiche_under_its_number() {
    let out = run(&["check", "--data", SCIENCE_PO, "--data", MINIMAL]);
    let text = stdout(&out);
    assert!(
        text.contains("RNCP24759 — MASTER : MASTER Science Politique"),
        "{text}"
    );
    assert!(text.contains("RNCP99999 — MASTER : Exemple"), "{text}");
    let out = run(&["check", "--json", "--data", SCIENCE_PO, "--data", MINIMAL]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let numbers: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["numero"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["RNCP24759", "RNCP99999"]);
}

#[test]
fn the_same_number_twice_is_a_located_error() {
    let out = run(&["check", "--data", MINIMAL, "--data", MINIMAL]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out).trim_end(),
        format!(
            "rncp-explorer: {MINIMAL}:3:5: RNCP99999 est déjà dans {MINIMAL} : \
             une fiche ne peut être chargée qu'une fois"
        )
    );
}

#[test]
fn a_bad_second_file_is_located_in_that_file() {
    let out = run(&[
        "check",
        "--data",
        MINIMAL,
        "--data",
        "tests/fixtures/bad/syntax.ron",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("rncp-explorer: tests/fixtures/bad/syntax.ron:5:5: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fiche_commands_ask_which_fiche_among_several() {
    let both = ["--data", SCIENCE_PO, "--data", MINIMAL];
    let out = run(&[&["compare", "europe", "urbain"][..], &both].concat());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim_end(),
        "rncp-explorer: 2 fiches chargées : précisez laquelle avec --fiche NUMERO"
    );
    for form in ["RNCP24759", "24759", "rncp 24759"] {
        let out = run(&[&["compare", "europe", "urbain", "--fiche", form][..], &both].concat());
        assert_eq!(out.status.code(), Some(0), "{form}: {}", stderr(&out));
        assert!(stdout(&out).contains("Europe"), "{form}");
    }
    for form in ["RNCP99999", "99999"] {
        let out = run(&[&["export", "--format", "json", "--fiche", form][..], &both].concat());
        assert_eq!(out.status.code(), Some(0), "{form}: {}", stderr(&out));
        assert!(stdout(&out).contains("\"rncp_code\": \"99999\""), "{form}");
    }
    // Export without --fiche gives the whole catalogue.
    let out = run(&[&["export", "--format", "json"][..], &both].concat());
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    let out = run(&[
        "export", "--format", "json", "--data", MINIMAL, "--fiche", "RS99999",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("aucune fiche chargée ne porte le numéro « RS99999 »"));
}

#[test]
fn search_entries_are_per_fiche_and_jump_into_the_other_fiche() {
    let mut app = common::app::ready(App::with_catalogue(two_fiches()));
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    // "Chargé d’études" is a job of both fiches: one entry each.
    let query = Query::new("charge d'etudes", Filter::All);
    let hits = app.search.index.search(&query).hits;
    let fiches: Vec<FicheId> = hits
        .iter()
        .map(|h| app.search.index.entry(h.id))
        .filter(|e| e.text == "Chargé d’études")
        .map(|e| e.fiche)
        .collect();
    assert_eq!(fiches.len(), 2, "one entry per fiche");
    assert_ne!(fiches[0], fiches[1]);
    // From a fiche, jumping to the minimal fiche's one opens that fiche on its parcours.
    update(&mut app, Action::Activate);
    assert_eq!(app.current, FicheId::FIRST);
    update(&mut app, Action::OpenSearch);
    // A catalogue's search lists certifications first: items on Ctrl-R.
    update(&mut app, Action::SwitchSearchMode);
    for c in "charge d'etudes".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    let Some(rncp_explorer::app::Popup::Search(popup)) = &app.popup else {
        panic!("the popup is open")
    };
    let minimal = app.catalogue.lookup("99999").unwrap();
    let row = popup
        .results
        .hits
        .iter()
        .position(|h| app.search.index.entry(h.id).fiche == minimal)
        .expect("the minimal fiche's job is found");
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    assert_eq!(app.current, minimal);
    assert_eq!(app.fiche().rncp_code, "99999");
    assert_eq!(app.subject(), Subject::Parcours(0));
    assert_eq!(app.focus, Pane::Detail);
}

#[test]
fn across_fiches_the_common_core_is_compared_ue_by_ue() {
    let science_po = model::embedded();
    let mut other = science_po.clone();
    other.rncp_code = "11111".into();
    let left = Side::new(&science_po, science_po.parcours_by_id("europe").unwrap());
    let same = Side::new(&science_po, science_po.parcours_by_id("urbain").unwrap());
    let across = Side::new(&other, other.parcours_by_id("urbain").unwrap());
    let within = compare::compare(left, same, Options::default());
    assert!(
        within.maquette.common_core.is_some(),
        "one fiche: collapsed"
    );
    let c = compare::compare(left, across, Options::default());
    assert!(
        c.maquette.common_core.is_none(),
        "two fiches: nothing assumed"
    );
    let s1 = c.maquette.semesters.iter().find(|s| s.number == 1).unwrap();
    assert!(!s1.common_core);
    assert!(
        s1.ues.iter().all(|ue| ue.status == compare::Status::Shared),
        "identical first-year UEs still align under same_ue"
    );
    assert_eq!(c.summary.total_ects, within.summary.total_ects);
}

/// The app over two fiches at 120×40.
fn browsing_two() -> App {
    let mut app = common::app::ready(App::with_catalogue(two_fiches()));
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    app
}

fn list(app: &App) -> &rncp_explorer::app::fiche_list::FicheList {
    app.fiche_list.as_ref().expect("a list for several fiches")
}

#[test]
fn several_fiches_open_on_the_list_and_come_back_to_it() {
    let mut app = browsing_two();
    assert_eq!(app.mode, rncp_explorer::app::Mode::Fiches);
    assert_eq!(list(&app).rows.len(), 2);
    update(&mut app, Action::Down);
    update(&mut app, Action::Activate);
    assert_eq!(app.mode, rncp_explorer::app::Mode::Browse);
    assert_eq!(app.fiche().rncp_code, "99999");
    assert_eq!(app.focus, Pane::Parcours);
    update(&mut app, Action::Down);
    let row = app.selected();
    update(&mut app, Action::Close);
    assert_eq!(app.mode, rncp_explorer::app::Mode::Fiches);
    assert_eq!(
        list(&app).current(),
        app.catalogue.lookup("99999"),
        "cursor kept"
    );
    // The fiche remembers where it was.
    update(&mut app, Action::Activate);
    assert_eq!(app.selected(), row);
}

#[test]
fn the_list_filters_as_you_type_and_sorts() {
    let mut app = browsing_two();
    update(&mut app, Action::OpenSearch);
    assert_eq!(app.key_mode(), rncp_explorer::app::KeyMode::FicheFilter);
    for c in "science pol".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    assert_eq!(
        list(&app).rows,
        vec![FicheId::FIRST],
        "words in any order, folded"
    );
    update(&mut app, Action::SearchClear);
    for c in "99999".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    assert_eq!(
        list(&app).rows,
        vec![app.catalogue.lookup("99999").unwrap()]
    );
    update(&mut app, Action::Close);
    assert_eq!(app.key_mode(), rncp_explorer::app::KeyMode::Fiches);
    assert_eq!(
        list(&app).filter,
        "99999",
        "the filter stays once validated"
    );
    update(&mut app, Action::Close);
    assert_eq!(list(&app).rows.len(), 2, "Échap clears it");
    // s: source order → number → title.
    update(&mut app, Action::Swap);
    update(&mut app, Action::Swap);
    let first = app.catalogue.get(list(&app).rows[0]);
    assert_eq!(first.intitule, "MASTER : Exemple", "by title");
}

#[test]
fn the_list_draws_numbers_titles_and_a_preview_at_every_size() {
    let mut app = browsing_two();
    let text = common_screen(&app);
    assert!(text.contains("Fiches · 2 fiches"), "{text}");
    assert!(
        text.contains("RNCP24759 niv. 7  MASTER : MASTER Science Politique"),
        "{text}"
    );
    assert!(text.contains("Aperçu"), "{text}");
    for (width, height) in [(80, 24), (40, 12), (20, 5), (1, 1)] {
        update(&mut app, Action::Resize { width, height });
        let _ = common_screen(&app);
    }
}

fn common_screen(app: &App) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let area = app.layout.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|f| rncp_explorer::ui::render(f, app, &rncp_explorer::ui::Theme::MONOCHROME))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Options that keep tests out of the user's cache.
fn no_cache() -> rncp_explorer::model::registry::Options {
    rncp_explorer::model::registry::Options {
        cache: false,
        ..Default::default()
    }
}

const RNCP_SAMPLE: &str = "tests/fixtures/registry/export-rncp-sample.xml";
const RNCP_ZIP: &str = "tests/fixtures/registry/export-fiches-rncp-v4-1-sample.zip";
const RS_SAMPLE: &str = "tests/fixtures/registry/export-rs-sample.xml";

/// The RNCP sample with its first fiche renumbered RNCP24759, in a temp file.
fn export_listing_the_master(name: &str) -> std::path::PathBuf {
    let xml = std::fs::read_to_string(RNCP_SAMPLE).unwrap();
    let end = xml.find("</FICHE>").unwrap() + "</FICHE>".len();
    let start = xml.find("<FICHE>").unwrap();
    let fiche = xml[start..end].replace("RNCP34762", "RNCP24759");
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n{fiche}\n</FICHES>\n"
    );
    let path = std::env::temp_dir().join(format!("rncp-master-{}-{name}.xml", std::process::id()));
    std::fs::write(&path, doc).unwrap();
    path
}

#[test]
fn exports_and_ron_files_make_one_catalogue() {
    let sources = model::load_sources(
        &[RNCP_ZIP.into(), RS_SAMPLE.into(), MINIMAL.into()],
        &no_cache(),
    )
    .expect("all load");
    let c = &sources.catalogue;
    assert_eq!(c.len(), 8 + 5 + 1);
    let rs = c.get(c.lookup("RS5000").unwrap());
    assert!(rs.registry.is_some());
    assert_eq!(rs.numero().to_string(), "RS5000");
    assert!(
        c.lookup("RNCP5000").is_none(),
        "RS and RNCP numbers do not mix"
    );
    // The zip and the XML give the same fiches.
    let xml = model::load_sources(&[RNCP_SAMPLE.into()], &no_cache()).unwrap();
    for (_, fiche) in xml.catalogue.iter() {
        let id = c.find(&fiche.numero()).expect("in both");
        assert_eq!(c.get(id), fiche);
    }
}

#[test]
fn the_master_s_curriculum_joins_the_export_that_lists_it() {
    let export = export_listing_the_master("embedded");
    let sources = model::load_sources(&[export.clone(), MINIMAL.into()], &no_cache()).unwrap();
    let c = &sources.catalogue;
    let master = c.get(c.lookup("RNCP24759").unwrap());
    let record = master.registry.as_ref().expect("the registry's record");
    assert_eq!(record.numero.to_string(), "RNCP24759");
    // Registry fields from the export, curriculum from the embedded fiche.
    assert_eq!(master.intitule, record.intitule);
    let embedded = model::embedded();
    assert_eq!(master.parcours, embedded.parcours);
    assert_eq!(master.common_semesters, embedded.common_semesters);
    // The same with the RON file given explicitly.
    let sources = model::load_sources(&[export.clone(), SCIENCE_PO.into()], &no_cache()).unwrap();
    let c = &sources.catalogue;
    assert_eq!(
        c.len(),
        1,
        "one entry for the export's fiche and the RON file"
    );
    assert_eq!(c.get(FicheId::FIRST).parcours.len(), 6);
    let _ = std::fs::remove_file(export);
}

#[test]
fn the_list_marks_inactive_fiches_and_the_preview_tells_validity() {
    let sources = model::load_sources(&[RNCP_SAMPLE.into()], &no_cache()).unwrap();
    let mut app = App::with_catalogue(sources.catalogue);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let text = common_screen(&app);
    let row = |n: &str| {
        text.lines()
            .find(|l| l.contains(n))
            .unwrap_or_else(|| panic!("{n} listed\n{text}"))
            .to_string()
    };
    assert!(row("RNCP34762").contains("inactive"), "{text}");
    assert!(!row("RNCP37674").contains("inactive"), "{text}");
    assert!(text.contains("Active : non"), "{text}");
    assert!(text.contains("Remplacée par : RNCP39568"), "{text}");
    assert!(text.contains("Fin d'enregistrement : "), "{text}");
}

#[test]
fn export_warnings_and_errors_reach_the_user_through_the_binary() {
    let out = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(["check", "--data", RNCP_ZIP])
        .env(
            "RNCP_EXPLORER_CACHE_DIR",
            std::env::temp_dir().join("rncp-cache-test"),
        )
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(stdout(&out).contains("RNCP34762 — Programme Grande Ecole"));
    assert!(stdout(&out).contains("remplacée par RNCP39568, absente des données chargées"));
    let bad = std::env::temp_dir().join(format!("rncp-bad-{}.xml", std::process::id()));
    std::fs::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<FICHES>\n<FICHE>\n<NUMERO_FICHE>RNCP1",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(["check", "--data"])
        .arg(&bad)
        .env(
            "RNCP_EXPLORER_CACHE_DIR",
            std::env::temp_dir().join("rncp-cache-test"),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!("rncp-explorer: {}", bad.display())),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_file(bad);
}

/// `check --data FILE` on the built binary, the cache kept in a temp folder.
fn check_file(path: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(["check", "--data"])
        .arg(path)
        .env(
            "RNCP_EXPLORER_CACHE_DIR",
            std::env::temp_dir().join("rncp-cache-test"),
        )
        .output()
        .unwrap()
}

#[test]
fn every_bad_export_gives_its_place_and_status_2_through_the_binary() {
    use std::io::Write;
    let dir = std::env::temp_dir().join(format!("rncp-bad-exports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sample = std::fs::read(RNCP_SAMPLE).unwrap();
    let mut invalid_utf8 = sample[..2000].to_vec();
    invalid_utf8.extend_from_slice(b"\xff\xfe");
    invalid_utf8.extend_from_slice(&sample[2000..]);
    let zip_without_xml = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("LISEZMOI.txt", options).unwrap();
        zip.write_all(b"rien").unwrap();
        zip.finish().unwrap().into_inner()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "wrong-root.xml",
            b"<?xml version=\"1.0\"?>\n<CATALOGUE/>\n".to_vec(),
            ":2:",
        ),
        ("truncated.xml", sample[..sample.len() / 2].to_vec(), ":"),
        ("not-utf8.xml", invalid_utf8, ":"),
        (
            "no-xml.zip",
            zip_without_xml,
            "archive zip sans fichier XML",
        ),
        (
            "garbage.zip",
            b"PK\x03\x04garbage".to_vec(),
            "archive zip illisible",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = check_file(&path);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
        assert!(
            err.starts_with(&format!("rncp-explorer: {}", path.display())),
            "{name}: {err}"
        );
        assert!(err.contains(expected), "{name}: {err}");
    }
    // One bad fiche in a good export: skipped with a located warning, the rest checked.
    let text = String::from_utf8(sample).unwrap();
    let path = dir.join("one-bad.xml");
    std::fs::write(
        &path,
        text.replace("<NUMERO_FICHE>RNCP35809</NUMERO_FICHE>", ""),
    )
    .unwrap();
    let out = check_file(&path);
    // Counted by default, listed with --verbose.
    assert!(
        stderr(&out).contains(", 1 avertissement — voir --verbose")
            && !stderr(&out).contains("fiche ignorée"),
        "{}",
        stderr(&out)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(["check", "--verbose", "--data"])
        .arg(&path)
        .env(
            "RNCP_EXPLORER_CACHE_DIR",
            std::env::temp_dir().join("rncp-cache-test"),
        )
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("avertissement : ") && stderr(&out).contains("fiche ignorée"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("RNCP37674 — Développeur web et web mobile"));
    assert!(!stdout(&out).contains("RNCP35809"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn load_warnings_are_counted_and_listed_with_w_never_over_the_panes() {
    let text = std::fs::read_to_string(RNCP_SAMPLE)
        .unwrap()
        .replace("<NUMERO_FICHE>RNCP35809</NUMERO_FICHE>", "");
    let path = std::env::temp_dir().join(format!("rncp-warn-{}.xml", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let sources = model::load_sources(std::slice::from_ref(&path), &no_cache()).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(sources.warnings.len(), 1);
    let shown: Vec<String> = sources.warnings.iter().map(|w| w.to_string()).collect();
    let mut app = App::with_catalogue(sources.catalogue);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    update(
        &mut app,
        rncp_explorer::app::Msg::LoadWarnings(shown.clone()),
    );
    let screen = common_screen(&app);
    let status = screen.lines().last().unwrap().to_string();
    assert!(status.contains("⚠ 1 (w)"), "{status}");
    // `w` lists them, located; Échap closes; the count stays.
    update(&mut app, Action::OpenWarnings);
    assert_eq!(app.key_mode(), rncp_explorer::app::KeyMode::Warnings);
    let screen = common_screen(&app);
    assert!(screen.contains("1 avertissement du chargement"), "{screen}");
    assert!(screen.contains("fiche ignorée"), "{screen}");
    update(&mut app, Action::Close);
    assert!(app.popup.is_none());
    assert!(
        common_screen(&app)
            .lines()
            .last()
            .unwrap()
            .contains("⚠ 1 (w)")
    );
    // From a fiche too.
    update(&mut app, Action::Activate);
    update(&mut app, Action::OpenWarnings);
    assert!(common_screen(&app).contains("fiche ignorée"));
}
