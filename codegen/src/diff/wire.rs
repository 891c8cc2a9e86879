//! JSON wire compatibility of a property type change: whether every value of one type parses
//! as the other, for the readers (old clients parsing new responses) and the writers (a new
//! service parsing old requests).

use super::Revision;
use crate::primitive::Primitive;
use crate::schema::{Kind, QualifiedName, TypeRef};

/// What a property type looks like in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape<'a> {
    /// Any JSON value.
    Any,
    /// Any string (`String`, `Stream`).
    Text,
    /// A string with a format (`Guid`, `DateTimeOffset`, `Binary`, ...).
    FormattedText(Primitive),
    /// An integer with its range.
    Integer(i128, i128),
    /// A floating-point number; `true` for double precision.
    Float(bool),
    /// A decimal number.
    Decimal,
    /// `true` / `false`.
    Boolean,
    /// A member name of the named enum.
    Enum(&'a QualifiedName),
    /// An object of the named type.
    Object(&'a QualifiedName),
}

/// The JSON shape of `ty` as `revision` defines it.
fn shape<'a>(ty: &'a TypeRef, revision: &Revision<'_>) -> Shape<'a> {
    match ty {
        TypeRef::Primitive(p) => match *p {
            Primitive::Json => Shape::Any,
            Primitive::String | Primitive::Stream => Shape::Text,
            Primitive::Boolean => Shape::Boolean,
            Primitive::Byte => Shape::Integer(0, 255),
            Primitive::SByte => Shape::Integer(-128, 127),
            Primitive::Int16 => Shape::Integer(i16::MIN.into(), i16::MAX.into()),
            Primitive::Int32 => Shape::Integer(i32::MIN.into(), i32::MAX.into()),
            Primitive::Int64 => Shape::Integer(i64::MIN.into(), i64::MAX.into()),
            Primitive::Single => Shape::Float(false),
            Primitive::Double => Shape::Float(true),
            Primitive::Decimal => Shape::Decimal,
            Primitive::Guid
            | Primitive::DateTimeOffset
            | Primitive::Date
            | Primitive::TimeOfDay
            | Primitive::Duration
            | Primitive::Binary => Shape::FormattedText(*p),
        },
        TypeRef::Named(q) => match revision.types.get(q) {
            Some(t) if t.kind == Kind::Enum => Shape::Enum(q),
            _ => Shape::Object(q),
        },
    }
}

/// True when every JSON value of type `value` (as `value_revision` defines it) is accepted by a
/// parser for type `target` (as `target_revision` defines it). `catch_all` says the parser maps
/// unknown enum members to a catch-all (the generated readers) instead of rejecting them (the
/// service).
pub(super) fn accepts(
    target: &TypeRef,
    target_revision: &Revision<'_>,
    value: &TypeRef,
    value_revision: &Revision<'_>,
    catch_all: bool,
) -> bool {
    if target == value {
        return true;
    }
    let is_text = |s: Shape| matches!(s, Shape::Text | Shape::FormattedText(_) | Shape::Enum(_));
    let integer_fits = |s: Shape, lo: i128, hi: i128| match s {
        Shape::Integer(a, b) => lo <= a && b <= hi,
        _ => false,
    };
    let v = shape(value, value_revision);
    match shape(target, target_revision) {
        Shape::Any => true,
        Shape::Text => is_text(v),
        Shape::FormattedText(_) => false,
        Shape::Enum(_) => catch_all && is_text(v),
        Shape::Integer(lo, hi) => integer_fits(v, lo, hi),
        Shape::Float(double) => {
            let small = i128::from(i16::MIN)..=i128::from(i16::MAX);
            match v {
                Shape::Float(_) => double,
                Shape::Integer(lo, hi) => double || (small.contains(&lo) && small.contains(&hi)),
                _ => false,
            }
        }
        Shape::Decimal => matches!(v, Shape::Integer(..) | Shape::Decimal),
        Shape::Boolean => false,
        // An object of a subtype parses as its ancestor (extra keys are ignored).
        Shape::Object(t) => {
            matches!(v, Shape::Object(_))
                && value_revision
                    .schema
                    .ancestors(value.as_str())
                    .iter()
                    .any(|a| a.qualified_name() == *t)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::diff::test_support::*;
    use crate::diff::{ChangeKind, RustApi, Wire};

    #[test]
    fn property_type_changes_are_classified_by_what_parses() {
        let case = |old: &str, new: &str| {
            let mut extra = vec![enumeration("actionState", &[("none", Some(0))])];
            let mut o = reset(vec![prop("p", old)]);
            let mut n = reset(vec![prop("p", new)]);
            o.append(&mut extra.clone());
            n.append(&mut extra);
            let report = run(o, n);
            let c = one(&report).clone();
            assert_eq!(c.kind, ChangeKind::PropertyTypeChanged);
            assert_eq!(c.rust_api, RustApi::Major);
            assert_eq!(c.severity, Severity::Error);
            c.wire
        };
        assert_eq!(case("String", "Int32"), Wire::BreaksBoth);
        // Any string parses as String; arbitrary old strings are not valid members.
        assert_eq!(
            case("String", "microsoft.graph.actionState"),
            Wire::BreaksWriters
        );
        // Old readers keep new strings as `Unrecognized`; members are valid strings.
        assert_eq!(case("microsoft.graph.actionState", "String"), Wire::None);
        assert_eq!(case("Int32", "Int64"), Wire::BreaksReaders);
        assert_eq!(case("Int64", "Int32"), Wire::BreaksWriters);
        assert_eq!(case("Int32", "Double"), Wire::BreaksReaders);
        assert_eq!(case("String", "Json"), Wire::BreaksReaders);
        assert_eq!(case("DateTimeOffset", "String"), Wire::BreaksReaders);
    }

    #[test]
    fn object_type_change_follows_inheritance() {
        let base = complex("deviceActionResult", None, vec![prop("a", "String")]);
        let sub = complex("special", Some("deviceActionResult"), vec![]);
        let holder = |ty: &str| complex("holder", None, vec![prop("r", ty)]);
        let types = |ty: &str| vec![base.clone(), sub.clone(), holder(ty)];
        let narrowed = run(
            types("microsoft.graph.deviceActionResult"),
            types("microsoft.graph.special"),
        );
        assert_eq!(one(&narrowed).wire, Wire::BreaksWriters);
        let widened = run(
            types("microsoft.graph.special"),
            types("microsoft.graph.deviceActionResult"),
        );
        assert_eq!(one(&widened).wire, Wire::BreaksReaders);
    }
}
