#pragma once

#include "core/demo/SyntheticFamily.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hh::bench {

// The demo patient's resources as the demo server pages them: searchset Bundles of `pageSize` entries
// (type by type, in the server's order), serialized as compact JSON like the server's answers.
// Generating a page is not part of any measured time.
class PageSource
{
public:
    PageSource(const demo::SyntheticFamily& family, demo::Vendor vendor, QString patientKey, int pageSize);

    // The next page's bytes; false when every resource was paged.
    bool next(QByteArray& bundle);
    [[nodiscard]] qint64 total() const { return m_total; }

private:
    const demo::SyntheticFamily& m_family;
    demo::Vendor m_vendor;
    QString m_key;
    int m_pageSize;
    QStringList m_types;
    int m_typeIndex = 0;
    qint64 m_index = 0;
    qint64 m_total = 0;
};

} // namespace hh::bench
