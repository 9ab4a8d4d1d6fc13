#include "core/sync/JsonText.h"

#include <cctype>

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

    // The character c, after leading space: consumed, or false.
    bool expect(char c)
    {
        skipSpace();
        if (!at(c))
            return false;
        ++m_p;
        return true;
    }

    // At a '"': the string's raw bytes (escapes not decoded), and the cursor after its closing quote.
    // Only strict JSON: no raw control character, only the escapes RFC 8259 allows (Qt's parser is more
    // lenient, and what the scan accepts is stored as it is).
    std::optional<QByteArrayView> string()
    {
        if (!at('"'))
            return std::nullopt;
        const char* begin = ++m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                const QByteArrayView s(begin, m_p - begin);
                ++m_p;
                return s;
            }
            if (c < 0x20)
                break;
            if (c == '\\' && !escape())
                break;
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
            return object(depth, [&](QByteArrayView) { return skipValue(depth + 1); });
        case '[':
            return array(depth, [&] { return skipValue(depth + 1); });
        default: {
            // A number, true, false or null: up to the next delimiter, strictly as RFC 8259 writes them.
            const char* begin = m_p;
            while (m_p < m_end && !isSpace(*m_p) && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ':')
                ++m_p;
            const QByteArrayView token(begin, m_p - begin);
            return token == "true" || token == "false" || token == "null" || isNumber(token);
        }
        }
    }

    // At '{': calls member(key) for each member with the cursor at its value, which member must consume.
    // False when the object cannot be followed or member returns false.
    template <typename Member> bool object(int depth, Member&& member)
    {
        return members('{', '}', depth, [&] {
            const std::optional<QByteArrayView> key = string();
            if (!key || !expect(':'))
                return false;
            skipSpace();
            return member(*key);
        });
    }

    // At '[': calls element() with the cursor at each element, which element must consume.
    template <typename Element> bool array(int depth, Element&& element)
    {
        return members('[', ']', depth, element);
    }

private:
    // open, then one(), separated by commas, until close.
    template <typename One> bool members(char open, char close, int depth, One&& one)
    {
        if (!expect(open) || depth > kMaxDepth)
            return false;
        if (expect(close))
            return true;
        for (;;) {
            skipSpace();
            if (!one())
                return false;
            if (expect(close))
                return true;
            if (!expect(','))
                return false;
        }
    }

    // At a backslash inside a string: leaves the cursor on the escape's last character.
    bool escape()
    {
        if (m_end - m_p < 2)
            return false;
        ++m_p;
        if (*m_p != 'u')
            return QByteArrayView("\"\\/bfnrt").contains(*m_p);
        if (m_end - m_p < 5)
            return false;
        for (int i = 1; i <= 4; ++i)
            if (!std::isxdigit(static_cast<unsigned char>(m_p[i])))
                return false;
        m_p += 4;
        return true;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static bool isNumber(QByteArrayView t)
    {
        qsizetype i = 0;
        const qsizetype n = t.size();
        auto digits = [&] {
            const qsizetype from = i;
            while (i < n && t[i] >= '0' && t[i] <= '9')
                ++i;
            return i > from;
        };
        if (i < n && t[i] == '-')
            ++i;
        if (i < n && t[i] == '0')
            ++i;
        else if (!digits())
            return false;
        if (i < n && t[i] == '.') {
            ++i;
            if (!digits())
                return false;
        }
        if (i < n && (t[i] == 'e' || t[i] == 'E')) {
            ++i;
            if (i < n && (t[i] == '+' || t[i] == '-'))
                ++i;
            if (!digits())
                return false;
        }
        return i == n;
    }

    const char* m_p;
    const char* m_end;
};

// A member of an object the scan looks into: the key it looks for (the first time), another key, or
// one it cannot tell apart: the key again, or an escaped key, which may decode to it.
enum class Key { Wanted, Other, Ambiguous };

Key classify(QByteArrayView key, QByteArrayView wanted, bool& seen)
{
    if (key.contains('\\') || (key == wanted && seen))
        return Key::Ambiguous;
    if (key != wanted)
        return Key::Other;
    seen = true;
    return Key::Wanted;
}

} // namespace

std::optional<QList<QByteArrayView>> entryResources(QByteArrayView bundle)
{
    Scanner s(bundle);
    QList<QByteArrayView> out;
    bool sawEntry = false;
    const bool ok = s.object(0, [&](QByteArrayView key) {
        const Key k = classify(key, "entry", sawEntry);
        if (k != Key::Wanted)
            return k == Key::Other && s.skipValue(1);
        if (!s.at('['))
            return s.skipValue(1);
        return s.array(1, [&] {
            QByteArrayView resource;
            if (!s.at('{')) {
                if (!s.skipValue(2))
                    return false;
            } else {
                bool sawResource = false;
                const bool entryOk = s.object(2, [&](QByteArrayView member) {
                    const Key m = classify(member, "resource", sawResource);
                    if (m != Key::Wanted)
                        return m == Key::Other && s.skipValue(3);
                    const char* begin = s.position();
                    if (!s.skipValue(3))
                        return false;
                    resource = QByteArrayView(begin, s.position() - begin);
                    return true;
                });
                if (!entryOk)
                    return false;
            }
            out.append(resource);
            return true;
        });
    });
    if (!ok)
        return std::nullopt;
    return out;
}

bool isStrict(QByteArrayView json)
{
    Scanner s(json);
    if (!s.skipValue(0))
        return false;
    s.skipSpace();
    return s.position() == json.data() + json.size();
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
