//! The full-screen explorer: terminal setup and teardown, and the event loop
//! that turns terminal events into `app::Action`s. All behaviour lives in the
//! library (`app`, `ui`); this file only owns the terminal.
//!
//! The terminal is restored on every way out: `q`/Ctrl-C (a key: raw mode
//! disables the signal), an I/O error, a panic (hook), and SIGTERM, SIGHUP or
//! SIGINT (flag checked by the loop, with a watchdog for a vanished
//! terminal; exit status 128 + signal).

use std::io::{self, IsTerminal, Stdout, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use rncp_explorer::app::{self, Action, App, Popup, keys, strings};
use rncp_explorer::model::Fiche;
use rncp_explorer::search::{Query, Results, SearchIndex, Session};
use rncp_explorer::ui::{self, Theme};

use super::EXIT_BAD_INPUT;

/// How often the loop wakes up to look at the signal flag when idle.
const TICK: Duration = Duration::from_millis(100);
/// How long a signal waits for the loop to end before the process exits anyway.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);
/// How often it looks for search results while a search runs.
const SEARCH_TICK: Duration = Duration::from_millis(5);

pub fn run(fiche: Fiche) -> ExitCode {
    if !io::stdout().is_terminal() {
        eprintln!("{}", strings::NOT_A_TERMINAL);
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let signal = Arc::new(AtomicUsize::new(0));
    watch_signals(Arc::clone(&signal));
    install_panic_hook();
    let mut terminal = match enter() {
        Ok(t) => t,
        Err(e) => {
            restore();
            eprintln!("rncp-explorer: impossible de préparer le terminal : {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = event_loop(&mut terminal, App::new(fiche), &signal);
    restore();
    // After a hangup the terminal errors are the signal's consequence: the
    // signal decides the status. stderr may be gone too, so never panic on it.
    match (signal.load(Ordering::SeqCst), result) {
        (0, Ok(())) => ExitCode::SUCCESS,
        (0, Err(e)) => {
            let _ = writeln!(io::stderr(), "rncp-explorer: erreur du terminal : {e}");
            ExitCode::FAILURE
        }
        (sig, _) => ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)),
    }
}

/// Records SIGTERM, SIGHUP or SIGINT for the loop, which then restores the
/// terminal and exits with 128 + signal. When the terminal itself is gone
/// (SIGHUP on a closed pty), crossterm's reader can spin on end-of-file
/// without ever returning to the loop, so after a grace period this thread
/// restores and exits itself rather than leave a process burning a core.
fn watch_signals(signal: Arc<AtomicUsize>) {
    let mut signals = match Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(signals) => signals,
        Err(e) => {
            eprintln!("rncp-explorer: signaux : {e}");
            return;
        }
    };
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            signal.store(sig as usize, Ordering::SeqCst);
            thread::sleep(SIGNAL_GRACE);
            restore();
            std::process::exit(128 + sig);
        }
    });
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Puts the terminal back as we found it. Safe to call more than once.
fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    mut app: App,
    signal: &AtomicUsize,
) -> io::Result<()> {
    let theme = Theme::from_env();
    let size = terminal.size()?;
    app::update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    // Searching runs on its own thread so typing never waits on it.
    app.search.inline = false;
    let (requests, worker_requests) = mpsc::channel();
    let (worker_results, results) = mpsc::channel();
    let index = Arc::clone(&app.search.index);
    thread::spawn(move || search_worker(&index, &worker_requests, &worker_results));
    let mut dirty = true;
    while !app.should_quit && signal.load(Ordering::SeqCst) == 0 {
        while let Ok((generation, found)) = results.try_recv() {
            app::search::receive(&mut app, generation, found);
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| ui::render(frame, &app, &theme))?;
            dirty = false;
        }
        let searching = matches!(&app.popup, Some(Popup::Search(p)) if p.searching());
        if !event::poll(if searching { SEARCH_TICK } else { TICK })? {
            continue;
        }
        if let Some(action) = to_action(&app, event::read()?) {
            app::update(&mut app, action);
            if let Action::Resize { .. } = action {
                // Ratatui resizes its buffers on the next draw; clear to avoid stale cells.
                terminal.autoresize()?;
            }
            if let Some(request) = app::search::take_request(&mut app) {
                // The worker only ends with this loop: a send cannot fail before.
                let _ = requests.send(request);
            }
            dirty = true;
        }
    }
    Ok(())
}

/// Answers search requests in order, skipping to the newest pending one:
/// a keystroke made while a search ran supersedes the ones before it.
fn search_worker(
    index: &SearchIndex,
    requests: &Receiver<(u64, Query)>,
    results: &Sender<(u64, Results)>,
) {
    let mut session = Session::new();
    while let Ok(mut request) = requests.recv() {
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let (generation, query) = request;
        if results
            .send((generation, session.search(index, &query)))
            .is_err()
        {
            return;
        }
    }
}

fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keys::action_for(app.key_mode(), &key),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        _ => None,
    }
}
