#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace hh::ui {

// Calls callback(result) on context's thread once future has finished, never blocking.
//
// Why not QFuture::then(context, ...): in Qt 6.4 a continuation whose context object died first
// asserts (debug builds) and, for an already finished future, runs synchronously inside then().
// A watcher owned by the context gives the same thread guarantee, always delivers through the
// event loop, and simply never calls back once the window it belongs to is gone (locked, closed).
// T is a Result<...>; a cancelled future is delivered as ErrorCode::Cancelled.
template<typename T, typename Callback>
void whenFinished(const QFuture<T>& future, QObject* context, Callback&& callback)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, cb = std::forward<Callback>(callback)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> f = watcher->future();
                         if (f.isCanceled() || f.resultCount() == 0) {
                             cb(T(Error(ErrorCode::Cancelled,
                                        QCoreApplication::translate("hh::ui::Async",
                                                                    "The operation was cancelled."),
                                        QStringLiteral("future cancelled or without result"))));
                             return;
                         }
                         cb(f.result());
                     });
    watcher->setFuture(future);
}

} // namespace hh::ui
