#pragma once

#include "core/Result.h"
#include "core/records/RecordTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPageSize>
#include <QString>

#include <optional>

class QIODevice;
class QTextDocument;

namespace hh::ui {

// The "visit summary" PDF of a profile, to hand to a doctor: demographics, alerts, conditions,
// medications, allergies, recent labs and vitals with small trend charts, immunizations, recent
// visits, sources and the date of the data; every page has a header (name, date of birth) and a
// footer (generation date, page n of m). Paper size follows the locale (Letter in the Americas
// that use it, A4 elsewhere) unless given.
//
// write(path) is atomic (a temporary file in the same folder, renamed when complete) and the file
// is owner-only (0600) from its first byte. Needs a QGuiApplication (fonts); any thread.
class VisitSummaryPdf
{
    Q_DECLARE_TR_FUNCTIONS(hh::ui::VisitSummaryPdf)
public:
    struct Options {
        QLocale locale;
        std::optional<QPageSize> pageSize;
        QDateTime generatedAt; // invalid: now
    };

    [[nodiscard]] static Status write(const records::VisitSummaryData& data, const QString& path,
                                      const Options& options);
    [[nodiscard]] static Status write(const records::VisitSummaryData& data, QIODevice* device,
                                      const Options& options);

    [[nodiscard]] static QPageSize pageSizeFor(const QLocale& locale);

    // The document body (tests and previews); the caller owns it.
    [[nodiscard]] static QTextDocument* buildDocument(const records::VisitSummaryData& data, const Options& options);
};

} // namespace hh::ui
