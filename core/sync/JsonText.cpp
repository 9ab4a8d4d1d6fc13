#include "core/sync/JsonText.h"

namespace hh::sync::jsontext {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// A cursor over the text. Every step checks the end; a failed step leaves the scanner failed.
class Scanner
{
public:
    explicit Scanner(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    [[nodiscard]] const char* position() const { return m_p; }

    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }

    // At the current (non-space) character, if any.
    [[nodiscard]] bool at(char c) const { return m_p < m_end && *m_p == c; }

    bool expect(char c)
    {
        skipSpace();
        if (!at(c))
            return false;
        ++m_p;
        return true;
    }

    // At a '"': the string's raw bytes (escapes not decoded), and the cursor after its closing quote.
    std::optional<QByteArrayView> string()
    {
        if (!at('"'))
            return std::nullopt;
        const char* begin = ++m_p;
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '\\') {
                if (m_end - m_p < 2)
                    break;
                m_p += 2;
                continue;
            }
            if (c == '"') {
                const QByteArrayView s(begin, m_p - begin);
                ++m_p;
                return s;
            }
            ++m_p;
        }
        m_p = m_end;
        return std::nullopt;
    }

    // Skips one value (after leading space); false on text it cannot follow.
    bool skipValue(int depth)
    {
        skipSpace();
        if (m_p >= m_end || depth > kMaxDepth)
            return false;
        switch (*m_p) {
        case '"':
            return string().has_value();
        case '{':
            ++m_p;
            skipSpace();
            if (at('}')) {
                ++m_p;
                return true;
            }
            for (;;) {
                skipSpace();
                if (!string() || !expect(':') || !skipValue(depth + 1))
                    return false;
                skipSpace();
                if (at('}')) {
                    ++m_p;
                    return true;
                }
                if (!expect(','))
                    return false;
            }
        case '[':
            ++m_p;
            skipSpace();
            if (at(']')) {
                ++m_p;
                return true;
            }
            for (;;) {
                if (!skipValue(depth + 1))
                    return false;
                skipSpace();
                if (at(']')) {
                    ++m_p;
                    return true;
                }
                if (!expect(','))
                    return false;
            }
        default: {
            // A number, true, false or null: up to the next delimiter.
            const char* begin = m_p;
            while (m_p < m_end && !isSpace(*m_p) && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ':')
                ++m_p;
            return m_p > begin;
        }
        }
    }

    // At '{': calls member(key) for each member with the cursor before the value; member must consume
    // the value. False when the object cannot be followed or member returns false.
    template <typename Member>
    bool object(int depth, Member&& member)
    {
        if (!expect('{') || depth > kMaxDepth)
            return false;
        skipSpace();
        if (at('}')) {
            ++m_p;
            return true;
        }
        for (;;) {
            skipSpace();
            const std::optional<QByteArrayView> key = string();
            if (!key || !expect(':'))
                return false;
            skipSpace();
            if (!member(*key))
                return false;
            skipSpace();
            if (at('}')) {
                ++m_p;
                return true;
            }
            if (!expect(','))
                return false;
        }
    }

private:
    const char* m_p;
    const char* m_end;
};

} // namespace

std::optional<QList<QByteArrayView>> entryResources(QByteArrayView bundle)
{
    Scanner s(bundle);
    QList<QByteArrayView> out;
    bool sawEntry = false;
    const bool ok = s.object(0, [&](QByteArrayView key) {
        // An escaped key may decode to "entry" (or "resource" below) and stand for one given twice.
        if (key.contains('\\'))
            return false;
        if (key != "entry")
            return s.skipValue(1);
        if (sawEntry)
            return false; // given twice: which one the parser kept is not ours to guess
        sawEntry = true;
        if (!s.at('['))
            return s.skipValue(1);
        if (!s.expect('['))
            return false;
        s.skipSpace();
        if (s.at(']'))
            return s.expect(']');
        for (;;) {
            s.skipSpace();
            QByteArrayView resource;
            if (s.at('{')) {
                bool sawResource = false;
                const bool entryOk = s.object(2, [&](QByteArrayView member) {
                    if (member.contains('\\'))
                        return false;
                    if (member != "resource")
                        return s.skipValue(3);
                    if (sawResource)
                        return false;
                    sawResource = true;
                    const char* begin = s.position();
                    if (!s.skipValue(3))
                        return false;
                    resource = QByteArrayView(begin, s.position() - begin);
                    return true;
                });
                if (!entryOk)
                    return false;
            } else if (!s.skipValue(2)) {
                return false;
            }
            out.append(resource);
            s.skipSpace();
            if (s.at(']'))
                return s.expect(']');
            if (!s.expect(','))
                return false;
        }
    });
    if (!ok)
        return std::nullopt;
    return out;
}

QByteArray compact(QByteArrayView json)
{
    QByteArray out;
    out.resize(json.size());
    char* o = out.data();
    const char* p = json.data();
    const char* const end = p + json.size();
    bool inString = false;
    while (p < end) {
        const char c = *p++;
        if (inString) {
            *o++ = c;
            if (c == '\\') {
                if (p < end)
                    *o++ = *p++;
            } else if (c == '"') {
                inString = false;
            }
        } else if (!isSpace(c)) {
            *o++ = c;
            inString = c == '"';
        }
    }
    out.truncate(o - out.data());
    return out;
}

} // namespace hh::sync::jsontext
