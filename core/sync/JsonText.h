#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace hh::sync::jsontext {

// Byte-level helpers for JSON text that QJsonDocument has already accepted: they let the sync store a
// resource as the server sent it instead of serializing the parsed object again (issue 8: that second
// serialization was about a third of the sync's reading thread).
//
// Both functions are bounds-checked and never read outside the view, whatever it holds. On text
// entryResources() cannot follow it answers nullopt and the caller falls back to serializing the parsed
// objects: not strict JSON (RFC 8259: Qt's parser also takes raw control characters in strings, unknown
// escapes and numbers such as .5, which must not be stored as they are), nesting deeper than kMaxDepth,
// an "entry" or "resource" key given twice, an escaped key in the bundle or in an entry (which might
// decode to either).

inline constexpr int kMaxDepth = 128; // FHIR resources nest a dozen levels; deeper text falls back

// The text of entry[i].resource for every element of the top-level object's "entry" array, in order;
// an empty view for an element that is not an object or has no "resource". An empty list when there is
// no "entry" array.
[[nodiscard]] std::optional<QList<QByteArrayView>> entryResources(QByteArrayView bundle);

// Whether the text is one strict (RFC 8259) JSON value, with nothing but whitespace around it.
[[nodiscard]] bool isStrict(QByteArrayView json);

// The JSON text without the whitespace between tokens (strings are copied byte for byte, escapes kept).
[[nodiscard]] QByteArray compact(QByteArrayView json);

} // namespace hh::sync::jsontext
