//! What a search result is (job, competence…) and the kind filter the TUI cycles with Tab.

use serde::Serialize;

/// The kind of a searchable item. The declaration order is the ranking
/// priority on equal scores (jobs first, then competences, then the rest)
/// and the order of the kind filter cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Job,
    Competence,
    Activity,
    Sector,
    Ue,
    Course,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Job,
        Kind::Competence,
        Kind::Activity,
        Kind::Sector,
        Kind::Ue,
        Kind::Course,
    ];

    /// The badge shown next to a result ("Emploi").
    pub fn badge(self) -> &'static str {
        match self {
            Kind::Job => "Emploi",
            Kind::Competence => "Compétence",
            Kind::Activity => "Activité",
            Kind::Sector => "Secteur",
            Kind::Ue => "UE",
            Kind::Course => "Cours",
        }
    }

    /// The plural used by the filter label ("Emplois").
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Job => "Emplois",
            Kind::Competence => "Compétences",
            Kind::Activity => "Activités",
            Kind::Sector => "Secteurs",
            Kind::Ue => "UE",
            Kind::Course => "Cours",
        }
    }

    /// The stable machine name (command line `--kind`, JSON `kind`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Job => "job",
            Kind::Competence => "competence",
            Kind::Activity => "activity",
            Kind::Sector => "sector",
            Kind::Ue => "ue",
            Kind::Course => "course",
        }
    }

    /// Ranking priority on equal scores: lower comes first.
    pub(crate) fn priority(self) -> u8 {
        self as u8
    }
}

/// Which kinds a query looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Filter {
    #[default]
    All,
    Only(Kind),
}

impl Filter {
    /// The next filter in the Tab cycle: Tout → Emplois → Compétences →
    /// Activités → Secteurs → UE → Cours → Tout.
    pub fn cycle(self) -> Filter {
        match self {
            Filter::All => Filter::Only(Kind::ALL[0]),
            Filter::Only(kind) => match Kind::ALL.iter().position(|k| *k == kind) {
                Some(i) if i + 1 < Kind::ALL.len() => Filter::Only(Kind::ALL[i + 1]),
                _ => Filter::All,
            },
        }
    }

    /// The filter before this one in the `cycle` order (Maj-Tab).
    pub fn cycle_back(self) -> Filter {
        let last = Filter::Only(Kind::ALL[Kind::ALL.len() - 1]);
        match self {
            Filter::All => last,
            Filter::Only(kind) => match Kind::ALL.iter().position(|k| *k == kind) {
                Some(i) if i > 0 => Filter::Only(Kind::ALL[i - 1]),
                _ => Filter::All,
            },
        }
    }

    /// The label shown in the popup ("Tout", "Emplois"…).
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "Tout",
            Filter::Only(kind) => kind.plural(),
        }
    }

    pub fn accepts(self, kind: Kind) -> bool {
        match self {
            Filter::All => true,
            Filter::Only(k) => k == kind,
        }
    }

    /// True when everything `self` accepts, `wider` accepts too.
    pub(crate) fn within(self, wider: Filter) -> bool {
        wider == Filter::All || wider == self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_cycle_visits_every_kind_once_then_returns_to_all() {
        let mut filter = Filter::All;
        let mut labels = vec![filter.label()];
        for _ in 0..Kind::ALL.len() + 1 {
            filter = filter.cycle();
            labels.push(filter.label());
        }
        assert_eq!(
            labels,
            [
                "Tout",
                "Emplois",
                "Compétences",
                "Activités",
                "Secteurs",
                "UE",
                "Cours",
                "Tout"
            ]
        );
    }

    #[test]
    fn jobs_outrank_competences_which_outrank_the_rest() {
        assert!(Kind::Job.priority() < Kind::Competence.priority());
        assert!(Kind::Competence.priority() < Kind::Activity.priority());
        assert!(Kind::Competence.priority() < Kind::Course.priority());
    }
}
