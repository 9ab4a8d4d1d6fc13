#pragma once

#include "core/Domain.h"
#include "core/records/RecordTypes.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QPalette>
#include <QString>

namespace hh::ui {

// The profile's summary (issue 6's document) as HTML for a QTextBrowser: alerts, conditions,
// medications, allergies, recent labs and vitals with flags and trends, immunizations (and what is
// due), visits, sources. Everything is escaped; colors come from the palette. Links are
// "hh-link:<n>" where n indexes `links` (records to open, tests to chart, "connect").
class SummaryHtml
{
    Q_DECLARE_TR_FUNCTIONS(hh::ui::SummaryHtml)
public:
    struct Link {
        enum class Kind { Record, Test, Connect };
        Kind kind = Kind::Record;
        QString resourceType;
        QString dedupKey;
        QString codeSystem;
        QString code;
        QString display;
    };

    [[nodiscard]] static QString build(const Profile& profile, const records::ProfileSummary& summary,
                                       const QPalette& palette, const QLocale& locale, QList<Link>* links);
};

} // namespace hh::ui
