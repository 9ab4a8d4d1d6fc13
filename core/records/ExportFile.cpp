#include "core/records/ExportFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace hh::records {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::records::ExportFile)
};
} // namespace

Status writeExportFile(const QString& path, const std::function<Status(QIODevice& device)>& write)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (path.isEmpty() || QFileInfo(absolute).isDir())
        return Error(ErrorCode::Io, Tr::tr("Choose a file to export to, not a folder."), u"path is a folder"_s);
    // A device, a pipe or a socket would be replaced by the finished file (renamed over it).
    if (QFileInfo::exists(absolute) && !QFileInfo(absolute).isFile())
        return Error(ErrorCode::Io, Tr::tr("Choose a regular file to export to."), u"path is not a regular file"_s);
    const QString shown = QDir::toNativeSeparators(absolute);
    QSaveFile file(absolute);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, Tr::tr("Cannot write to %1: %2").arg(shown, file.errorString()),
                     u"open for writing failed"_s);
    // Owner-only from the start: the temporary file already holds health data.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return Error(ErrorCode::Io, Tr::tr("Cannot protect %1 (owner-only access).").arg(shown),
                     u"setPermissions failed"_s);
    }
    if (Status st = write(file); !st) {
        file.cancelWriting();
        return st;
    }
    if (!file.commit())
        return Error(ErrorCode::Io, Tr::tr("Cannot write to %1: %2").arg(shown, file.errorString()), u"commit failed"_s);
    return success();
}

} // namespace hh::records
