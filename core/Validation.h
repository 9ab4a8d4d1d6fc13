#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QDate>
#include <QString>

namespace hh {

// Boundary validation shared by the GUI, the CLI and the stores. Messages are translated.
[[nodiscard]] Status validateEmail(const QString& email);
[[nodiscard]] Status validateAccountName(const QString& name);
// A password must have at least kMinPasswordLength characters.
inline constexpr int kMinPasswordLength = 8;
[[nodiscard]] Status validateNewPassword(const QString& password);
[[nodiscard]] Status validateProfile(const Profile& profile, QDate today = QDate::currentDate());
// YYYY-MM-DD, a real date, not in the future.
[[nodiscard]] Result<QDate> parseDateOfBirth(const QString& text, QDate today = QDate::currentDate());
// A one-line label people type (a name, a client id): not longer than maxLength characters, and without
// control characters (line breaks, escapes) or bidirectional overrides, which would break lists and
// terminals or disguise the text.
[[nodiscard]] Status validateLabel(const QString& text, qsizetype maxLength);
// Lower-cased, trimmed: the form emails are compared in.
[[nodiscard]] QString normalizeEmail(const QString& email);

} // namespace hh
