#pragma once

// Internal to hh_demo: the authorization servers of the demo endpoints (SMART App Launch, standalone
// patient launch; OAuth 2.0 + PKCE; Epic's dynamic client registration and JWT bearer grant).
//
// Operations under EndpointConfig::oauthPath:
//   GET  authorize   (athena also POST)  -> login page, or an error (page or redirect, per RFC 6749 §4.1.2.1)
//   POST login       -> consent page (or the login page again with an error)
//   POST consent     -> 302 to redirect_uri with code+state, or error=access_denied+state
//   POST token       authorization_code | refresh_token (athena) | jwt-bearer (Epic)
//   POST revoke      RFC 7009: revokes the whole grant (access and refresh tokens)
//   POST introspect  RFC 7662
//   POST register    Epic only: dynamic client registration with the launch's access token as bearer
//   GET  jwks        the id_token signing key
//
// Tokens are stateless: access tokens, refresh tokens and dynamic client ids are sealed
// (crypto::seal, authenticated encryption) with Settings::tokenKey and carry their grant inside. A
// server started again with the same key (another process of the same vault: the app derives the
// key from the vault's secrets key) accepts what an earlier one issued. What needs memory stays in
// memory and is per server: authorization codes and login transactions (short-lived), revocations,
// used refresh tokens and assertion jtis, forced expiry (test controls), one registration per
// launch token.
//
// Not thread-safe: used from the server's thread only.

#include "core/SecretBytes.h"
#include "core/demo/DemoHttp.h"
#include "core/demo/EndpointConfig.h"
#include "core/demo/SyntheticFamily.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace hh::demo {

class OAuthService
{
public:
    struct Settings {
        bool autoApprove = false;
        int accessTokenLifetimeSecs = 3600;
        QStringList clientIds;         // public client ids accepted (healthhub-demo always)
        QStringList extraRedirectUris; // exact redirect URIs accepted besides loopback /callback
        SecretBytes tokenKey;          // 32 bytes; empty = a random key (tokens die with the server)
    };

    struct Grant {
        QString id;
        QString endpointId;
        QString clientId;   // the client the grant belongs to (dynamic client id after DCR)
        QString patientId;  // FHIR id at that endpoint
        QString user;       // sign-in name
        QStringList scopes; // granted
        bool revoked = false;
    };

    struct TokenCheck {
        enum class Status { Missing, Invalid, Expired, Valid };
        Status status = Status::Missing;
        std::optional<Grant> grant; // set for Valid and Expired
    };

    OAuthService(const SyntheticFamily& family, std::function<QDateTime()> clock);

    void setSettings(const Settings& settings);
    [[nodiscard]] const Settings& settings() const { return m_settings; }

    // `operation` is the path below the endpoint's oauthPath (authorize, token, ...).
    DemoResponse handle(const EndpointConfig& endpoint, const QString& operation, const DemoRequest& request);

    [[nodiscard]] TokenCheck checkAccessToken(const EndpointConfig& endpoint, const QString& token) const;
    // Test controls.
    void expireAccessToken(const QString& token);
    void expireAllAccessTokens();
    // Every authorization code, access token, refresh token and id_token issued from now on, for
    // tests that prove none of them is written anywhere in clear (off by default; at most
    // kMaxRecordedSecrets are kept).
    void setRecordIssuedSecrets(bool on) { m_recordIssued = on; }
    [[nodiscard]] QStringList issuedSecrets() const { return m_issuedSecrets; }
    static constexpr qsizetype kMaxRecordedSecrets = 10000;

    [[nodiscard]] static bool isAllowedRedirect(const QString& uri, const QStringList& extra);

private:
    void recordIssued(const QString& secret);
    struct Transaction {
        QString id;
        QString endpointId;
        QString clientId;
        QString redirectUri;
        QString state;
        QStringList scopes;
        QString codeChallenge;
        QString nonce;
        QString user;
        QDateTime created;
    };
    struct Code {
        QString endpointId;
        QString clientId;
        QString redirectUri;
        QString codeChallenge;
        QString state;
        QString nonce;
        QString grantId;
        QDateTime created;
        bool used = false;
    };
    // The grant and identity inside a sealed token (see the class comment).
    struct TokenContents {
        Grant grant;
        QString jti;          // unique per token
        qint64 issuedMs = 0;  // access tokens
        qint64 expiresAt = 0; // access tokens: seconds since the epoch
    };
    struct DynamicClient {
        QString endpointId;
        QString softwareId;
        QJsonArray keys;
        Grant grant; // the dynamic client's own copy of the patient's grant
    };

    QString sealToken(const QString& kind, QJsonObject payload) const;
    std::optional<QJsonObject> openToken(const QString& kind, const QString& token) const;
    std::optional<TokenContents> openAccessToken(const QString& token) const;
    std::optional<TokenContents> openRefreshToken(const QString& token) const;
    std::optional<DynamicClient> openDynamicClient(const QString& clientId) const;
    [[nodiscard]] bool isRevoked(const QString& grantId) const { return m_revokedGrants.contains(grantId); }

    DemoResponse authorize(const EndpointConfig& ep, const DemoRequest& request);
    DemoResponse login(const EndpointConfig& ep, const DemoRequest& request);
    DemoResponse consent(const EndpointConfig& ep, const DemoRequest& request);
    DemoResponse token(const EndpointConfig& ep, const DemoRequest& request);
    DemoResponse tokenFromCode(const EndpointConfig& ep, const QUrlQuery& form);
    DemoResponse tokenFromRefresh(const EndpointConfig& ep, const QUrlQuery& form);
    DemoResponse tokenFromJwt(const EndpointConfig& ep, const QUrlQuery& form);
    DemoResponse revoke(const EndpointConfig& ep, const DemoRequest& request);
    DemoResponse introspect(const EndpointConfig& ep, const DemoRequest& request);
    DemoResponse registerClient(const EndpointConfig& ep, const DemoRequest& request);
    DemoResponse jwks() const;

    DemoResponse errorPage(const EndpointConfig& ep, const QString& error, const QString& description) const;
    DemoResponse loginPage(const EndpointConfig& ep, const Transaction& txn, const QString& username,
                           const QString& error) const;
    QJsonObject issueTokens(const EndpointConfig& ep, Grant& grant, bool withRefresh, const QString& nonce,
                            bool withIdToken);
    QString resolvePatientId(const EndpointConfig& ep, const QString& user) const;
    bool isKnownClient(const QString& clientId) const;
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    void revokeGrant(const QString& grantId);
    void purge();

    static QString randomToken(int bytes);

    const SyntheticFamily& m_family;
    std::function<QDateTime()> m_clock;
    Settings m_settings;
    QHash<QString, Transaction> m_transactions;
    QHash<QString, Code> m_codes;
    QHash<QString, Grant> m_grants; // grants of this server's codes (until the code is exchanged)
    QSet<QString> m_revokedGrants;
    QSet<QString> m_usedRefreshJti;     // rotated refresh tokens (reuse revokes the grant)
    QSet<QString> m_expiredAccessJti;   // forced expiry (test controls)
    QSet<QString> m_issuedAccessJti;    // access tokens issued by this server
    bool m_recordIssued = false;
    QStringList m_issuedSecrets;        // setRecordIssuedSecrets()
    qint64 m_expiredBeforeMs = 0;       // expireAllAccessTokens(): older tokens of other servers too
    QSet<QString> m_registrationJti;    // launch tokens already used for a registration
    QHash<QString, QDateTime> m_seenJti; // assertion jti -> exp
};

} // namespace hh::demo
