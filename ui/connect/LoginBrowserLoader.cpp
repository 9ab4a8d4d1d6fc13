#include "ui/connect/LoginBrowserLoader.h"

#include "core/Log.h"
#include "ui/connect/LoginBrowserFactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPluginLoader>

using namespace Qt::StringLiterals;

#ifndef HH_LOGIN_MODULE_FILE
#error "HH_LOGIN_MODULE_FILE (the module's file name) is set by ui/CMakeLists.txt"
#endif
#ifndef HH_LOGIN_MODULE_RELDIR
#error "HH_LOGIN_MODULE_RELDIR (installed module dir relative to the executable's) is set by ui/CMakeLists.txt"
#endif

namespace hh::ui {

namespace {
struct LoaderState {
    QStringList paths;                      // empty: defaults
    LoginBrowserFactory* factory = nullptr; // owned by Qt's plugin instance (lives until exit)
};

LoaderState& state()
{
    static LoaderState s;
    return s;
}
} // namespace

QString LoginBrowserLoader::moduleFileName()
{
    return QStringLiteral(HH_LOGIN_MODULE_FILE);
}

QStringList LoginBrowserLoader::searchPaths()
{
    if (!state().paths.isEmpty())
        return state().paths;
    const QString appDir = QCoreApplication::applicationDirPath();
    return {QDir::cleanPath(appDir + u'/' + QStringLiteral(HH_LOGIN_MODULE_RELDIR)), appDir};
}

void LoginBrowserLoader::setSearchPaths(const QStringList& directories)
{
    state().paths = directories;
    state().factory = nullptr;
}

bool LoginBrowserLoader::isLoaded()
{
    return state().factory != nullptr;
}

Result<LoginBrowserFactory*> LoginBrowserLoader::factory()
{
    LoaderState& s = state();
    if (s.factory)
        return s.factory;

    const QString file = moduleFileName();
    const QStringList dirs = searchPaths();
    QString path;
    for (const QString& dir : dirs) {
        const QFileInfo candidate(QDir(dir), file);
        if (candidate.isFile()) {
            path = candidate.absoluteFilePath();
            break;
        }
    }
    if (path.isEmpty()) {
        qCInfo(lcUi) << "login window module" << file << "not found in" << dirs;
        return Error(ErrorCode::NotFound,
                     tr("The sign-in window could not be loaded: %1")
                         .arg(tr("the file %1 is missing. Reinstall Health Hub.").arg(file)),
                     u"login module %1 not found in %2"_s.arg(file, dirs.join(u", "_s)));
    }

    QPluginLoader loader(path);
    // QtWebEngine starts threads and registers process-wide state: never unload it.
    loader.setLoadHints(QLibrary::PreventUnloadHint);
    QObject* root = loader.instance();
    if (!root) {
        qCInfo(lcUi) << "login window module could not be loaded:" << loader.errorString();
        return Error(ErrorCode::Unknown, tr("The sign-in window could not be loaded: %1").arg(loader.errorString()),
                     u"QPluginLoader: "_s + loader.errorString());
    }
    auto* factory = qobject_cast<LoginBrowserFactory*>(root);
    if (!factory) {
        qCInfo(lcUi) << "login window module has the wrong interface:" << path;
        return Error(ErrorCode::Unknown,
                     tr("The sign-in window could not be loaded: %1")
                         .arg(tr("%1 belongs to another version of Health Hub. Reinstall Health Hub.").arg(file)),
                     u"module at %1 does not implement %2"_s.arg(path, QStringLiteral(HH_LOGIN_BROWSER_FACTORY_IID)));
    }
    qCInfo(lcUi) << "login window module loaded from" << path;
    s.factory = factory;
    return factory;
}

} // namespace hh::ui
