#pragma once

#include "core/Result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace hh::db {

// Maps a failed query to an hh::Error: a UNIQUE violation becomes AlreadyExists, anything else
// Database. The detail carries the driver text (never bound values).
[[nodiscard]] Error sqlError(const QSqlQuery& query, const QString& userMessage);
[[nodiscard]] Error sqlError(const QSqlError& error, const QString& userMessage);

// NULL for an empty string, the string otherwise.
[[nodiscard]] QVariant nullIfEmpty(const QString& s);

// Prepares and executes; returns the failing error.
[[nodiscard]] Status exec(QSqlQuery& query, const QString& userMessage);

} // namespace hh::db
