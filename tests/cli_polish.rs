//! Issue 14's CLI points (and 15.5) on the built binary: unknown ECTS in
//! every output, bounded ECTS at load, `compare` width and self-comparison,
//! `search` messages, `import --help`, `parcours`, completions and man page.

mod common;

use common::cli::{run, stderr, stdout};

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

// ── 14.5 and 15.5: ECTS ───────────────────────────────────────────────

#[test]
fn unknown_ects_are_not_summed_as_zero_in_compare_and_export() {
    let text = ok(&["compare", "europe", "recherche"]);
    let row = |label: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("{label}:\n{text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(row("ECTS semestre 4"), "ECTS semestre 4 30 ?");
    assert_eq!(row("ECTS semestre 3"), "ECTS semestre 3 30 ≥ 32");
    assert_eq!(row("ECTS au total"), "ECTS au total 116 ≥ 88");

    let md = ok(&["compare", "europe", "recherche", "--format", "markdown"]);
    assert!(
        md.contains("| | Europe (30 ECTS) | Recherche (? ECTS) |"),
        "{md}"
    );
    assert!(md.contains("**UE 11 · Pratique de la recherche (ECTS non précisés)**"));
    assert!(md.contains("| ECTS au total | 116 | ≥ 88 |"), "{md}");

    let export = ok(&["export", "--format", "markdown"]);
    assert!(export.contains("### Semestre 4 — ? ECTS"));
    assert!(export.contains("Total du parcours : ≥ 88 ECTS"));
    assert!(!export.contains("— 0 ECTS"));
}

#[test]
fn check_still_flags_semesters_with_unknown_ects() {
    let out = run(&["check"]);
    let text = stdout(&out);
    assert!(text.contains("Recherche › Semestre 4: ? ECTS (2 UE sans ECTS) au lieu de 30"));
    assert!(text.contains("Recherche: ≥ 88 ECTS (4 UE sans ECTS) sur l'ensemble du parcours"));
}

#[test]
fn ects_above_the_bound_are_a_located_load_error() {
    let path = "tests/fixtures/bad/ects-overflow.ron";
    for args in [
        vec!["--data", path, "check"],
        vec!["--data", path, "export", "--format", "markdown"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(
            stderr(&out).trim_end(),
            format!(
                "rncp-explorer: {path}:14:78: ects : 4294967295 ECTS pour une UE, \
                 au-delà du maximum de 300"
            )
        );
    }
}

#[test]
fn ects_at_the_bound_load() {
    let text = std::fs::read_to_string("tests/fixtures/minimal.ron")
        .unwrap()
        .replace("ects: Some(30)", "ects: Some(300)");
    let path = std::env::temp_dir().join(format!("rncp-ects-300-{}.ron", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let out = run(&["--data", path.to_str().unwrap(), "check"]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("300 ECTS au lieu de 30"));
}

// ── 14.15: compare follows the width ──────────────────────────────────

fn widest(text: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    text.lines().map(|l| l.width()).max().unwrap_or(0)
}

#[test]
fn compare_width_flag_bounds_every_line() {
    for width in ["40", "60", "80", "140"] {
        let text = ok(&["compare", "europe", "humanitaire", "--width", width]);
        let n: usize = width.parse().unwrap();
        assert!(
            widest(&text) <= n,
            "--width {width}: {}\n{text}",
            widest(&text)
        );
        assert!(text.contains("COMPÉTENCES"));
    }
    // Wider text uses the room: fewer lines.
    let narrow = ok(&["compare", "europe", "humanitaire", "--width", "60"]);
    let wide = ok(&["compare", "europe", "humanitaire", "--width", "140"]);
    assert!(wide.lines().count() < narrow.lines().count());
    assert!(widest(&wide) > 100);
    // Not a terminal and no flag: the fixed default.
    let default = ok(&["compare", "europe", "humanitaire"]);
    assert_eq!(widest(&default), 97, "{default}");
    let out = run(&["compare", "europe", "humanitaire", "--width", "10"]);
    assert_eq!(out.status.code(), Some(2));
}

// ── 14.12 (CLI text): one-sided items face to face ────────────────────

#[test]
fn compare_lists_put_one_sided_items_face_to_face() {
    let text = ok(&["compare", "europe", "humanitaire"]);
    let jobs: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "EMPLOIS")
        .skip(3)
        .filter(|l| !l.starts_with(' '))
        .collect();
    // Europe has 6 jobs of its own, Humanitaire 9: six lines face to face, then three alone.
    assert_eq!(
        jobs.iter().filter(|l| l.starts_with('≠')).count(),
        6,
        "{text}"
    );
    assert_eq!(
        jobs.iter().filter(|l| l.starts_with('>')).count(),
        3,
        "{text}"
    );
    assert!(!jobs.iter().any(|l| l.starts_with('<')), "{text}");
    assert!(text.contains("≠ propre à chaque côté, face à face"));
}

// ── 14.16: a parcours is not compared with itself ─────────────────────

#[test]
fn compare_refuses_a_parcours_with_itself() {
    for args in [
        ["compare", "europe", "europe"],
        ["compare", "europe", "EUROP"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert!(err.starts_with("rncp-explorer: « europe » et"), "{err}");
        assert!(err.contains("désignent le même parcours (europe)"), "{err}");
    }
}

// ── 14.17: search says why it found nothing ───────────────────────────

#[test]
fn search_without_results_says_so_on_stderr() {
    let out = run(&["search", ""]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).starts_with("rncp-explorer: requête vide"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--kind"));

    let out = run(&["search", "xylophone"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "rncp-explorer: aucun résultat pour « xylophone »\n"
    );

    let out = run(&["search", "xylophone", "--kind", "job", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).trim(), "[]");
    assert_eq!(
        stderr(&out),
        "rncp-explorer: aucun résultat pour « xylophone » (--kind job)\n"
    );
    // A hit stays quiet on stderr.
    let out = run(&["search", "lobbyiste"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

// ── 14.18: import --help does not offer --data ────────────────────────

#[test]
fn import_help_does_not_offer_data_but_import_still_refuses_it() {
    let help = ok(&["import", "--help"]);
    assert!(!help.contains("--data <"), "{help}");
    assert!(help.contains("--ids-from"));
    assert!(ok(&["check", "--help"]).contains("--data"));
    for args in [
        ["import", "--data", "x.ron", "tests/fixtures/rncp-24759.txt"],
        ["--data", "x.ron", "import", "tests/fixtures/rncp-24759.txt"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("--data ne s'applique pas à import"));
    }
}

// ── 14.20: parcours lists the ids ─────────────────────────────────────

#[test]
fn parcours_lists_ids_and_names() {
    let text = ok(&["parcours"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert_eq!(
        lines[1],
        "europe         European Policies and Project Management"
    );
    let ids: Vec<&str> = lines.iter().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "communication",
            "europe",
            "urbain",
            "collectivites",
            "recherche",
            "humanitaire"
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&["parcours", "--json"])).unwrap();
    assert_eq!(json[4]["id"], "recherche");
    assert_eq!(
        json[4]["name"],
        "Métiers de la recherche en science politique"
    );
    assert_eq!(json[1]["short_name"], "Europe");
    // `list` was an alias of `parcours`; it now lists the catalogue's fiches.
    assert!(
        ok(&["list"]).starts_with("RNCP24759\t"),
        "list lists fiches"
    );
    let out = run(&["--data", "tests/fixtures/minimal.ron", "parcours"]);
    assert_eq!(stdout(&out), "unique  Parcours unique\n");
}

// ── 14.25: completions and man page from the clap definition ──────────

#[test]
fn completions_and_man_page_come_from_the_arguments() {
    let bash = ok(&["completions", "bash"]);
    assert!(bash.contains("complete -F _rncp__explorer"), "{bash}");
    for word in ["compare", "parcours", "--kind", "--width", "completions"] {
        assert!(bash.contains(word), "bash: {word}");
    }
    let zsh = ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef rncp-explorer"), "{zsh}");
    let fish = ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c rncp-explorer"), "{fish}");
    assert!(fish.contains("parcours"));
    let man = ok(&["manpage"]);
    assert!(man.contains(".TH rncp-explorer"), "{man}");
    assert!(man.contains("Explorer une fiche RNCP"));
    assert!(man.contains("compare"));
    // Generated without reading a fiche: a bad --data does not matter.
    let out = run(&["--data", "/nonexistent.ron", "completions", "fish"]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}
