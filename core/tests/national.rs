//! The national data set generator (renda::national) and the columnar log file
//! (renda::columnar::file): deterministic, shaped like the country, and a damaged file is an
//! error, never a panic.
#![cfg(feature = "demo")]

use proptest::prelude::*;
use renda::columnar::{LifecycleKind, SuggestionLog};
use renda::national::{self, NationalConfig, PROFILES};
use std::sync::OnceLock;

/// A 0.2% country (about 5,000 suggestions), built once.
fn small() -> &'static national::NationalDataSet {
    static D: OnceLock<national::NationalDataSet> = OnceLock::new();
    D.get_or_init(|| {
        national::generate(&NationalConfig {
            scale: 0.002,
            ..Default::default()
        })
        .unwrap()
    })
}

#[test]
fn the_same_config_gives_the_same_log_and_another_seed_another() {
    let config = NationalConfig {
        scale: 0.002,
        ..Default::default()
    };
    assert!(national::generate(&config).unwrap().log == small().log);
    let other = national::generate(&NationalConfig { seed: 7, ..config }).unwrap();
    assert!(other.log != small().log);
    // The same congresses and units; other suggestions and lifecycles.
    let (a, b) = (other.log.dimensions(), small().log.dimensions());
    assert!(a.congresses == b.congresses && a.units == b.units && a.during != b.during);
}

#[test]
fn every_level_is_there_with_its_profile() {
    let d = small();
    let s = &d.summary;
    for (n, p) in s.congresses_by_level.iter().zip(PROFILES) {
        let want = ((f64::from(p.congresses) * 0.002).round() as u64).max(1);
        assert_eq!(*n, want, "{:?}", p.level);
    }
    let want: u64 = s
        .congresses_by_level
        .iter()
        .zip(PROFILES)
        .map(|(n, p)| n * u64::from(p.suggestions))
        .sum();
    assert_eq!(s.suggestions, want);
    assert_eq!(s.events as usize, d.log.len());
    // About eight lifecycle events per suggestion (20 M for 2.5 M at full scale).
    let per = s.events as f64 / s.suggestions as f64;
    assert!((6.5..9.0).contains(&per), "{per} events per suggestion");
    // Every level's congresses hold suggestions.
    let dims = d.log.dimensions();
    for level in renda::registry::Level::ALL {
        assert!(dims
            .suggestion_congress
            .iter()
            .any(|c| dims.levels[*c as usize] == level));
    }
}

#[test]
fn the_full_country_has_the_published_orders_of_magnitude() {
    // The profiles alone, without generating: 44,000 congresses, 2.77 M deputies, 2.5 M
    // suggestions.
    let congresses: u32 = PROFILES.iter().map(|p| p.congresses).sum();
    let deputies: u64 = PROFILES
        .iter()
        .map(|p| u64::from(p.congresses) * u64::from(p.deputies))
        .sum();
    let suggestions: u64 = PROFILES
        .iter()
        .map(|p| u64::from(p.congresses) * u64::from(p.suggestions))
        .sum();
    assert!((43_500..44_500).contains(&congresses), "{congresses}");
    assert!((2_700_000..2_800_000).contains(&deputies), "{deputies}");
    assert!(
        (2_400_000..2_600_000).contains(&suggestions),
        "{suggestions}"
    );
}

#[test]
fn the_outcomes_follow_haidian_2024_and_every_lifecycle_step_occurs() {
    let d = small();
    let f = d
        .log
        .figures_with(
            &Default::default(),
            &d.book,
            renda::calendar::WorkCalendar::china(),
            d.year_end(),
        )
        .unwrap();
    let r = &f.results;
    let replied = (r.A + r.B + r.C + r.D) as f64;
    let solved = r.A as f64 / replied;
    assert!((0.57..0.66).contains(&solved), "solved share {solved}");
    assert!(f.counts.overdue > 0 && f.counts.rehandling + f.counts.closed > 0);
    assert!(f.plan_ledger.entered > 0 && f.plan_ledger.solved > 0);
    for kind in LifecycleKind::ALL {
        assert!(d.log.kinds().contains(&kind), "{kind} never occurs");
    }
}

#[test]
fn working_day_deadlines_apply_at_county_and_township_level_only() {
    use renda::calendar::DurationUnit;
    let book = national::rule_book();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    for level in renda::registry::Level::ALL {
        let unit = book
            .in_force(level, day)
            .unwrap()
            .suggestion
            .reply_deadline
            .unit;
        let working = matches!(
            level,
            renda::registry::Level::County | renda::registry::Level::Township
        );
        assert_eq!(unit == DurationUnit::WorkingDays, working, "{level:?}");
    }
}

#[test]
fn bad_configs_are_typed_errors() {
    for (config, field) in [
        (
            NationalConfig {
                scale: 0.0,
                ..Default::default()
            },
            "config.scale",
        ),
        (
            NationalConfig {
                scale: f64::NAN,
                ..Default::default()
            },
            "config.scale",
        ),
        (
            NationalConfig {
                scale: 1.5,
                ..Default::default()
            },
            "config.scale",
        ),
        (
            NationalConfig {
                year: 2026,
                scale: 0.001,
                ..Default::default()
            },
            "config.year",
        ),
    ] {
        let err = national::generate(&config).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    let json = r#"{"scale": 0.5, "colour": 1}"#;
    assert!(serde_json::from_str::<NationalConfig>(json).is_err());
}

#[test]
fn the_log_file_round_trips_and_any_damage_is_detected() {
    let log = &small().log;
    let bytes = log.to_bytes();
    assert_eq!(&SuggestionLog::from_bytes(&bytes).unwrap(), log);
    // Flip one bit at many places, truncate at many lengths: always an error naming the log.
    for at in (0..bytes.len()).step_by(bytes.len() / 97 + 1) {
        let mut b = bytes.clone();
        b[at] ^= 0x10;
        assert_eq!(
            SuggestionLog::from_bytes(&b).unwrap_err().field(),
            Some("log")
        );
        assert!(SuggestionLog::from_bytes(&bytes[..at]).is_err());
    }
}

/// Rewrites the digest so that damage inside the body reaches the structural checks.
fn reseal(mut body: Vec<u8>) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(&body);
    body.extend_from_slice(&digest);
    body
}

/// A few suggestions' log as bytes: the first 400 events of the small data set.
fn tiny_bytes() -> &'static [u8] {
    static B: OnceLock<Vec<u8>> = OnceLock::new();
    B.get_or_init(|| {
        let log = &small().log;
        let n = 400;
        let kinds = log.kinds()[..n].iter().map(|k| *k as u8).collect();
        let mut dims = log.dimensions().clone();
        let keep = log.suggestions()[..n]
            .iter()
            .max()
            .map_or(0, |m| *m as usize + 1);
        dims.suggestions.truncate(keep);
        dims.suggestion_congress.truncate(keep);
        dims.during.truncate(keep);
        SuggestionLog::from_columns(
            dims,
            log.suggestions()[..n].to_vec(),
            log.days()[..n].to_vec(),
            kinds,
            log.args()[..n].to_vec(),
        )
        .unwrap()
        .to_bytes()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Resealed damage (a forged file with a valid digest) is an error or a valid log, never a
    /// panic; arbitrary bytes likewise.
    #[test]
    fn forged_files_never_panic(at in any::<prop::sample::Index>(), byte in any::<u8>(),
                                cut in any::<prop::sample::Index>(), junk in prop::collection::vec(any::<u8>(), 0..200)) {
        let bytes = tiny_bytes();
        let mut body = bytes[..bytes.len() - 32].to_vec();
        let i = at.index(body.len());
        body[i] = byte;
        let _ = SuggestionLog::from_bytes(&reseal(body.clone()));
        let _ = SuggestionLog::from_bytes(&reseal(body[..cut.index(body.len())].to_vec()));
        let mut forged = b"RENDACL1".to_vec();
        forged.extend_from_slice(&junk);
        let _ = SuggestionLog::from_bytes(&reseal(forged));
    }
}
