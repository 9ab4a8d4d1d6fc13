#include "app/Bootstrap.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hh::app {

void hardenProcess()
{
    if (qEnvironmentVariable("HH_ALLOW_CORE_DUMPS") != u"1") {
        rlimit none{0, 0};
        setrlimit(RLIMIT_CORE, &none);
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    umask(077);
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("HealthHub"));
    QCoreApplication::setApplicationName(QStringLiteral("HealthHub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HH_VERSION));
}

void installTranslators(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(QCoreApplication::instance());
    if (own->load(locale, QStringLiteral("healthhub"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
}

void prepareWebEngine()
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
}

QString resolveDataDir(const QString& option)
{
    QString dir = option;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("HH_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir::cleanPath(QDir(dir).absolutePath());
}

} // namespace hh::app
