//! The screen before the catalogue exists: a load runs on another thread
//! and reports through a shared [`Progress`]; this state only reads it and,
//! on `q`/Esc/Ctrl-C, raises its cancel flag. The binary hands over to
//! [`App::with_catalogue`](super::App::with_catalogue) once the load ends.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::model::progress::{Progress, Snapshot};

/// How a cancelled load ends the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// `q` or Esc: a deliberate quit (status 0).
    Quit,
    /// Ctrl-C: an interrupt (status 130, as the signal would give).
    Interrupt,
}

/// The loading screen's state.
#[derive(Debug, Clone)]
pub struct Loading {
    pub progress: Arc<Progress>,
    /// Set once a key asked to stop; the load thread is then waited for so
    /// that no partial cache is left.
    pub stop: Option<Stop>,
}

impl Loading {
    pub fn new(progress: Arc<Progress>) -> Loading {
        Loading {
            progress,
            stop: None,
        }
    }

    /// A key while loading: only the ways out do anything.
    pub fn key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let stop = match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Stop::Interrupt,
            KeyCode::Char('q') | KeyCode::Esc => Stop::Quit,
            _ => return,
        };
        self.progress.cancel();
        self.stop.get_or_insert(stop);
    }

    pub fn snapshot(&self) -> Snapshot {
        self.progress.snapshot()
    }
}
