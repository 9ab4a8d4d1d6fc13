#pragma once

#include "core/Result.h"

#include <QString>

namespace hh::test {

// A failure message for QVERIFY2 that is safe to evaluate whether or not the result holds a value.
template<typename R>
QString why(const R& result)
{
    if (result.ok())
        return QStringLiteral("ok");
    return result.error().message() + QStringLiteral(" [") + result.error().detail() + QStringLiteral("]");
}

} // namespace hh::test
