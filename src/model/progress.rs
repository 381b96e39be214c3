//! How far a long load is, shared between the thread doing it and whoever
//! shows it (the CLI's progress line, the explorer's gauge), and the flag
//! that asks it to stop.
//!
//! The reporter is a handful of atomics so the reader can update it on every
//! chunk without a lock; readers of it take a [`Snapshot`], plain data whose
//! fraction and estimate are pure functions (tested without clocks).

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the load is doing now, in the order it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Nothing started yet.
    Starting,
    /// Reading a cache written by an earlier run.
    ReadingCache,
    /// Inflating and reading a zipped export (bytes: compressed, consumed).
    Inflating,
    /// Reading an XML export (bytes: XML read).
    Reading,
    /// Whole-export checks and merging the sources into a catalogue.
    Structuring,
    /// Writing the cache for the next run.
    WritingCache,
    /// Finished (or stopped).
    Done,
}

impl Phase {
    fn from_u8(n: u8) -> Phase {
        match n {
            1 => Phase::ReadingCache,
            2 => Phase::Inflating,
            3 => Phase::Reading,
            4 => Phase::Structuring,
            5 => Phase::WritingCache,
            6 => Phase::Done,
            _ => Phase::Starting,
        }
    }

    fn to_u8(self) -> u8 {
        match self {
            Phase::Starting => 0,
            Phase::ReadingCache => 1,
            Phase::Inflating => 2,
            Phase::Reading => 3,
            Phase::Structuring => 4,
            Phase::WritingCache => 5,
            Phase::Done => 6,
        }
    }

    /// The French label shown next to the gauge.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Starting => "préparation",
            Phase::ReadingCache => "lecture du cache",
            Phase::Inflating => "décompression et lecture",
            Phase::Reading => "lecture",
            Phase::Structuring => "structuration",
            Phase::WritingCache => "écriture du cache",
            Phase::Done => "terminé",
        }
    }
}

/// The shared reporter. Cheap to update (relaxed atomics): progress is a
/// hint to a human, never a synchronisation point.
#[derive(Debug)]
pub struct Progress {
    phase: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
    /// When the current count (bytes of one file) started, for the rate.
    started: Mutex<Instant>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            phase: AtomicU8::new(0),
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            cancel: AtomicBool::new(false),
            started: Mutex::new(Instant::now()),
        }
    }
}

impl Progress {
    pub fn new() -> Arc<Progress> {
        Arc::new(Progress::default())
    }

    /// Enters `phase`, keeping the counts (structuring follows reading).
    pub fn set_phase(&self, phase: Phase) {
        self.phase.store(phase.to_u8(), Ordering::Relaxed);
    }

    /// Starts counting a new piece of work of `total` units (0: unknown).
    pub fn start(&self, phase: Phase, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        *self.started.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.set_phase(phase);
    }

    /// `n` more units done.
    pub fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// Asks the load to stop at its next check.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// What it looks like now.
    pub fn snapshot(&self) -> Snapshot {
        let started = *self.started.lock().unwrap_or_else(|e| e.into_inner());
        Snapshot {
            phase: Phase::from_u8(self.phase.load(Ordering::Relaxed)),
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
            elapsed: started.elapsed(),
        }
    }
}

/// The state of a load at one moment: plain data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub phase: Phase,
    pub done: u64,
    /// 0 when unknown.
    pub total: u64,
    /// Time since the current count started.
    pub elapsed: Duration,
}

/// Below this much work done the rate is too noisy to promise a time.
const MIN_FOR_ESTIMATE: f64 = 0.02;

impl Snapshot {
    /// Done over total in 0..=1, `None` when the total is unknown.
    pub fn fraction(&self) -> Option<f64> {
        (self.total > 0).then(|| (self.done as f64 / self.total as f64).clamp(0.0, 1.0))
    }

    /// Time left at the rate so far; `None` when the total is unknown, too
    /// little is done to tell, or no time has passed.
    pub fn remaining(&self) -> Option<Duration> {
        let fraction = self.fraction()?;
        if fraction < MIN_FOR_ESTIMATE || self.elapsed.is_zero() {
            return None;
        }
        let left = self.elapsed.as_secs_f64() * (1.0 - fraction) / fraction;
        Some(Duration::from_secs_f64(left))
    }
}

/// Bytes in French for a progress line: « 12,3 Mo ».
pub fn format_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["o", "Ko", "Mo", "Go"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} o")
    } else {
        format!("{value:.1} {}", UNITS[unit]).replace('.', ",")
    }
}

/// A duration left, rounded up to the second: « 4 s », « 2 min 05 s ».
pub fn format_remaining(d: Duration) -> String {
    let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min {:02} s", secs / 60, secs % 60)
    }
}

/// One line telling the state: « lecture — 12,3 Mo / 74,0 Mo (16 %) — encore 4 s ».
pub fn describe(s: &Snapshot) -> String {
    let mut line = s.phase.label().to_string();
    if s.total > 0 {
        let percent = (s.fraction().unwrap_or(0.0) * 100.0).floor();
        line.push_str(&format!(
            " — {} / {} ({percent} %)",
            format_bytes(s.done),
            format_bytes(s.total)
        ));
    } else if s.done > 0 {
        line.push_str(&format!(" — {}", format_bytes(s.done)));
    }
    if let Some(left) = s.remaining() {
        line.push_str(&format!(" — encore {}", format_remaining(left)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(done: u64, total: u64, secs: u64) -> Snapshot {
        Snapshot {
            phase: Phase::Reading,
            done,
            total,
            elapsed: Duration::from_secs(secs),
        }
    }

    #[test]
    fn fraction_is_done_over_total_and_unknown_without_total() {
        assert_eq!(snap(25, 100, 1).fraction(), Some(0.25));
        assert_eq!(snap(0, 0, 1).fraction(), None);
        // A reader that goes past the announced size never shows more than full.
        assert_eq!(snap(150, 100, 1).fraction(), Some(1.0));
    }

    #[test]
    fn estimate_follows_the_rate_so_far() {
        // A quarter in 2 s: three quarters left take 6 s.
        assert_eq!(snap(25, 100, 2).remaining(), Some(Duration::from_secs(6)));
        assert_eq!(snap(100, 100, 9).remaining(), Some(Duration::ZERO));
        // Too early, no time, or no total: no promise.
        assert_eq!(snap(1, 100, 2).remaining(), None);
        assert_eq!(snap(50, 100, 0).remaining(), None);
        assert_eq!(snap(50, 0, 3).remaining(), None);
    }

    #[test]
    fn phases_go_through_the_shared_reporter() {
        let p = Progress::new();
        assert_eq!(p.snapshot().phase, Phase::Starting);
        p.start(Phase::Inflating, 1000);
        p.advance(300);
        p.advance(200);
        let s = p.snapshot();
        assert_eq!((s.phase, s.done, s.total), (Phase::Inflating, 500, 1000));
        p.set_phase(Phase::Structuring);
        assert_eq!(p.snapshot().phase, Phase::Structuring);
        assert_eq!(p.snapshot().done, 500, "a phase change keeps the counts");
        p.start(Phase::WritingCache, 0);
        assert_eq!((p.snapshot().done, p.snapshot().fraction()), (0, None));
    }

    #[test]
    fn cancel_is_seen_by_every_holder() {
        let p = Progress::new();
        let other = Arc::clone(&p);
        assert!(!other.is_cancelled());
        p.cancel();
        assert!(other.is_cancelled());
    }

    #[test]
    fn line_tells_phase_bytes_percent_and_time_left() {
        let s = snap(12_300_000, 74_000_000, 2);
        assert_eq!(
            describe(&s),
            "lecture — 12,3 Mo / 74,0 Mo (16 %) — encore 11 s"
        );
        assert_eq!(describe(&snap(0, 0, 0)), "lecture");
        assert_eq!(format_remaining(Duration::from_secs(125)), "2 min 05 s");
        assert_eq!(format_bytes(999), "999 o");
    }
}
