#pragma once

// Internal to hh_demo: the portal pages (login, consent, error) from resources/demo/*.html, filled in.
// Values are HTML-escaped here; pages use no external resources.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace hh::demo::pages {

struct LoginPage {
    QString endpointName;
    QString action; // form target (relative URL)
    QString txn;
    QString username; // pre-filled
    QString password; // pre-filled only when auto-approving
    QString error;    // shown above the form when not empty
    bool autoSubmit = false;
};

struct ConsentPage {
    QString endpointName;
    QString action;
    QString txn;
    QString clientId;
    QString patientName;
    QList<QPair<QString, QString>> scopes; // scope, human description
    bool autoSubmit = false;
};

QByteArray login(const LoginPage& page);
QByteArray consent(const ConsentPage& page);
QByteArray error(const QString& endpointName, const QString& error, const QString& description);

// Human description of one SMART scope.
QString describeScope(const QString& scope);

} // namespace hh::demo::pages
