#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QUrl>

// Logging categories, named hh.<area>.<component>. Never log names, record contents, URLs with
// query strings, tokens or keys: pass URLs through redactUrl().
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcVault)
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcMigrate)
Q_DECLARE_LOGGING_CATEGORY(lcSmart)
Q_DECLARE_LOGGING_CATEGORY(lcFhir)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace hh {

// scheme://host:port/path with query and fragment removed, and path segments after a FHIR type
// (ids can be PHI-adjacent) kept: ids are not PHI on their own, names and tokens are.
QString redactUrl(const QUrl& url);

} // namespace hh
