package fr.defense.rapid.security;

/**
 * A sign-on through the identity provider (OpenID Connect) has ended, into our application or not:
 * for the account audit log, which the account module keeps (it depends on this module, not the
 * other way round). Spring Security's own login events do not say it: the provider's word is not yet
 * a login to us, and whom it lets in is decided afterwards (StaffSignOn, SmeSignOn).
 *
 * @param account   our account's id when it succeeded; otherwise what the provider called the person (or null)
 * @param succeeded whether the person is now signed in
 * @param detail    in French: the provider, the door taken, and why not when refused
 */
public record SingleSignOnEnded(String account, boolean succeeded, String detail) {}
