//! Creation dates for the files the writers make, in TMX's `YYYYMMDDThhmmssZ` form.
//!
//! Output is reproducible by default: no wall-clock time is written unless the user gives a
//! date (`--date`) or sets `SOURCE_DATE_EPOCH`, the reproducible-builds convention that
//! packagers and CI systems already use. Both commands that write files (`export`, `terms`)
//! read the variable here, so that they accept and refuse the same values. The calendar
//! arithmetic is a few lines of integer code, not worth a date crate.

/// Days in a month of the Gregorian calendar (0 for a month that does not exist).
fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date as a user writes it, `YYYY-MM-DD` or `YYYYMMDDThhmmssZ`, checked to be a real
/// date and time and returned in TMX's `YYYYMMDDThhmmssZ` (what `export --date` takes).
pub fn parse(s: &str) -> Result<String, String> {
    let err = || format!("'{s}' is not a date (expected YYYY-MM-DD or YYYYMMDDThhmmssZ)");
    let t = s.trim();
    let b = t.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = t.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let fields = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        [num(0..4), num(5..7), num(8..10), Some(0), Some(0), Some(0)]
    } else if b.len() == 16 && b[8] == b'T' && b[15] == b'Z' {
        [
            num(0..4),
            num(4..6),
            num(6..8),
            num(9..11),
            num(11..13),
            num(13..15),
        ]
    } else {
        return Err(err());
    };
    let [Some(y), Some(m), Some(d), Some(hh), Some(mm), Some(ss)] = fields else {
        return Err(err());
    };
    let valid = (1..=12).contains(&m)
        && d >= 1
        && d <= days_in_month(y, m)
        && hh < 24
        && mm < 60
        && ss < 60;
    if !valid {
        return Err(err());
    }
    Ok(format!("{y:04}{m:02}{d:02}T{hh:02}{mm:02}{ss:02}Z"))
}

/// Seconds since the Unix epoch → `YYYYMMDDThhmmssZ` (UTC), without a date crate: the
/// days-to-civil conversion is a few lines of integer arithmetic.
pub fn from_epoch(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (h, mi, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}{m:02}{d:02}T{h:02}{mi:02}{s:02}Z")
}

/// Latest `SOURCE_DATE_EPOCH` a TMX date can hold: 9999-12-31T23:59:59Z (the format has
/// four year digits).
pub const MAX_EPOCH: i64 = 253_402_300_799;

/// The creation date `SOURCE_DATE_EPOCH` asks for, if it is set: seconds from 1970 to the end
/// of year 9999 (what a four-digit TMX year can hold). A value that is not such a number is
/// an error in the user's environment, reported with the value, so that a typo does not
/// silently give undated output.
pub fn source_date_epoch() -> Result<Option<String>, String> {
    let Some(v) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    epoch_value(&v.to_string_lossy()).map(Some)
}

/// `SOURCE_DATE_EPOCH`'s value as a TMX date, or the message saying why it is refused.
fn epoch_value(v: &str) -> Result<String, String> {
    match v.trim().parse::<i64>() {
        Ok(secs) if (0..=MAX_EPOCH).contains(&secs) => Ok(from_epoch(secs)),
        _ => Err(format!(
            "SOURCE_DATE_EPOCH={v:?} is not a number of seconds from 0 (1970) to {MAX_EPOCH} \
             (the end of year 9999)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_dates() {
        assert_eq!(from_epoch(0), "19700101T000000Z");
        assert_eq!(from_epoch(1_741_305_600), "20250307T000000Z");
        assert_eq!(from_epoch(951_782_400), "20000229T000000Z");
    }

    #[test]
    fn date_args() {
        assert_eq!(parse("2025-03-07").as_deref(), Ok("20250307T000000Z"));
        assert_eq!(parse("20250307T101500Z").as_deref(), Ok("20250307T101500Z"));
        assert_eq!(parse("2024-02-29").as_deref(), Ok("20240229T000000Z"));
        assert!(parse("2025-02-29").is_err());
        assert!(parse("2025-ab-01").is_err());
        assert!(parse("20251399T999999Z").is_err());
        assert!(parse("2025-02-31").is_err());
        assert!(parse("yesterday").is_err());
        assert!(parse("2025-13-07").is_err());
    }

    #[test]
    fn epoch_values() {
        assert_eq!(epoch_value(" 0 ").as_deref(), Ok("19700101T000000Z"));
        assert_eq!(
            epoch_value("253402300799").as_deref(),
            Ok("99991231T235959Z")
        );
        for bad in ["-1", "253402300800", "yesterday", ""] {
            let e = epoch_value(bad).unwrap_err();
            assert!(e.contains("SOURCE_DATE_EPOCH") && e.contains(bad), "{e}");
        }
    }
}
