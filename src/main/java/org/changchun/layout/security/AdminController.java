package org.changchun.layout.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.ForAdmins;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.problem.ApiException;
import org.changchun.layout.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, API keys and the audit trail, for admins. */
@RestController
@ContentNegotiated
@ForAdmins
@RequestMapping(value = "/api/admin", produces = MediaTypes.JSON_VALUE)
@Tag(name = "账号 Accounts")
class AdminController {

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.EDITOR, Roles.ADMIN);
    private static final int DEFAULT_AUDIT_LIMIT = 100;
    private static final NumberParameter<Integer> AUDIT_LIMIT = NumberParameter.integer("limit", 1, 10_000);

    record AccountView(String username, Set<String> roles, boolean enabled, OffsetDateTime createdAt) {
        static AccountView of(Account account) {
            return new AccountView(account.username(), account.roles(), account.enabled(), account.createdAt());
        }
    }

    record NewAccount(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}") String username,
                      @NotBlank @Size(min = 12, max = 200) String password, @NotEmpty Set<String> roles,
                      Boolean enabled) {
    }

    record KeyView(String id, String name, Set<String> roles, String createdBy, OffsetDateTime createdAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime revokedAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime lastUsedAt) {
        static KeyView of(ApiKeyRecord key) {
            return new KeyView(key.id(), key.name(), key.roles(), key.createdBy(), key.createdAt(), key.revokedAt(),
                    key.lastUsedAt());
        }
    }

    record NewKey(@NotBlank @Size(max = 200) String name, @NotEmpty Set<String> roles) {
    }

    /** @param key the key itself, shown only in this answer: store it now */
    record CreatedKey(KeyView apiKey, String key) {
    }

    private final AccessStore store;
    private final ApiKeys keys;
    private final PasswordEncoder passwords;

    AdminController(AccessStore store, ApiKeys keys, PasswordEncoder passwords) {
        this.store = store;
        this.keys = keys;
        this.passwords = passwords;
    }

    @GetMapping("/accounts")
    @Operation(summary = "账号 / accounts (admins)")
    @ApiResponse(responseCode = "200", description = "OK")
    List<AccountView> accounts() {
        return store.accounts().stream().map(AccountView::of).toList();
    }

    @PutMapping("/accounts/{username}")
    @Operation(summary = "新建或修改账号 / create or change an account (admins)",
            description = "password of at least 12 characters, stored as bcrypt; roles EDITOR and/or ADMIN")
    @ApiResponse(responseCode = "200", description = "the account as saved")
    AccountView saveAccount(@PathVariable String username, @Valid @RequestBody NewAccount account) {
        if (!username.equals(account.username())) {
            throw new AdminRequestException("路径与请求体中的用户名不同", "the path's and the body's user names differ");
        }
        OffsetDateTime created = store.account(username).map(Account::createdAt)
                .orElse(OffsetDateTime.now(ZoneOffset.UTC));
        Account saved = new Account(username, passwords.encode(account.password()), roles(account.roles()),
                account.enabled() == null || account.enabled(), created);
        store.saveAccount(saved);
        return AccountView.of(saved);
    }

    @GetMapping("/keys")
    @Operation(summary = "API 密钥 / API keys (admins)")
    @ApiResponse(responseCode = "200", description = "OK")
    List<KeyView> keys() {
        return store.keys().stream().map(KeyView::of).toList();
    }

    @PostMapping("/keys")
    @Operation(summary = "新建 API 密钥 / create an API key (admins)",
            description = "the key is shown once, in this answer; clients send it as X-API-Key")
    @ApiResponse(responseCode = "201", description = "the key, shown only now",
            headers = @Header(name = "Location", description = "the key's address, for revoking it"))
    ResponseEntity<CreatedKey> createKey(@Valid @RequestBody NewKey request, Principal admin) {
        ApiKeys.Created created = keys.create(request.name(), roles(request.roles()), admin.getName());
        return ResponseEntity.created(URI.create("/api/admin/keys/" + created.record().id()))
                .body(new CreatedKey(KeyView.of(created.record()), created.key()));
    }

    @DeleteMapping("/keys/{id}")
    @Operation(summary = "吊销 API 密钥 / revoke an API key (admins)", description = "refused from the next request on")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "没有该未吊销的密钥 / no live key with this id")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!store.revokeKey(id)) {
            throw new KeyNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    @Operation(summary = "审计记录 / audit trail (admins)", description = "every write: who, what, when and how it ended")
    @ApiResponse(responseCode = "200", description = "OK")
    List<AuditEvent> audit(@Parameter(schema = @Schema(type = "integer", defaultValue = "100"))
                           @RequestParam(required = false) String limit) {
        return store.auditEvents(AUDIT_LIMIT.parse(limit, DEFAULT_AUDIT_LIMIT));
    }

    private static Set<String> roles(Set<String> roles) {
        for (String role : roles) {
            if (!KNOWN_ROLES.contains(role)) {
                throw new AdminRequestException("未知角色：" + role + "（可用 EDITOR、ADMIN）",
                        "unknown role '" + role + "'; use EDITOR and/or ADMIN");
            }
        }
        return roles;
    }

    static class AdminRequestException extends ApiException {
        AdminRequestException(String messageZh, String messageEn) {
            super(HttpStatus.BAD_REQUEST, messageZh, messageEn);
        }
    }

    static class KeyNotFoundException extends NotFoundException {
        KeyNotFoundException(String id) {
            super("未吊销的 API 密钥", "live API key", id);
        }
    }
}
