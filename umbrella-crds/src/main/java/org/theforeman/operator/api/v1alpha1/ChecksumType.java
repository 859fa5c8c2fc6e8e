package org.theforeman.operator.api.v1alpha1;

/** Checksum algorithms pulpcore knows (ALLOWED_CONTENT_CHECKSUMS). */
public enum ChecksumType {
    md5,
    sha1,
    sha224,
    sha256,
    sha384,
    sha512
}
