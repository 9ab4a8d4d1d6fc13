#include "core/Log.h"

Q_LOGGING_CATEGORY(lcApp, "hh.app.main")
Q_LOGGING_CATEGORY(lcVault, "hh.core.vault")
Q_LOGGING_CATEGORY(lcDb, "hh.db.sql")
Q_LOGGING_CATEGORY(lcMigrate, "hh.db.migrate")
Q_LOGGING_CATEGORY(lcSmart, "hh.smart.client")
Q_LOGGING_CATEGORY(lcFhir, "hh.fhir.client")
Q_LOGGING_CATEGORY(lcSync, "hh.sync.engine")
Q_LOGGING_CATEGORY(lcDemo, "hh.demo.server")
Q_LOGGING_CATEGORY(lcUi, "hh.ui.main")

namespace hh {

QString redactUrl(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

} // namespace hh
