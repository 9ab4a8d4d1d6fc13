#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

class QIODevice;

namespace hh::records {

// Writes a FHIR R4 Bundle as JSON to a device one entry at a time, so exporting a profile with a
// hundred thousand records never holds them all in memory.
//
// Every entry gets fullUrl "urn:uuid:<resource id>" (resource ids must be UUIDs, see
// FhirResourceExporter::exportId) and references between entries use those URNs. A "document"
// bundle also gets the identifier and timestamp FHIR requires (bdl-9, bdl-10). Not thread-safe;
// use from one thread.
class FhirBundleWriter
{
public:
    enum class Type { Collection, Document };

    FhirBundleWriter(QIODevice* device, Type type, QString bundleId, QDateTime timestamp);
    Q_DISABLE_COPY_MOVE(FhirBundleWriter)

    // Writes the bundle's header. Io when the device refuses the bytes.
    [[nodiscard]] Status begin();
    // Adds one resource (must carry resourceType and a UUID id). InvalidInput otherwise.
    [[nodiscard]] Status add(const QJsonObject& resource);
    // Closes the entry array and the bundle.
    [[nodiscard]] Status finish();

    [[nodiscard]] int entryCount() const { return m_count; }
    [[nodiscard]] qint64 bytesWritten() const { return m_bytes; }

private:
    [[nodiscard]] Status write(const QByteArray& bytes);

    QIODevice* m_device;
    Type m_type;
    QString m_bundleId;
    QDateTime m_timestamp;
    int m_count = 0;
    qint64 m_bytes = 0;
    bool m_begun = false;
    bool m_finished = false;
};

} // namespace hh::records
