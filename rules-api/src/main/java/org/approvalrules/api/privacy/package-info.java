/**
 * Personal identifiers never leave the library in full: {@link org.approvalrules.api.privacy.Masking} is the
 * one masking function every message, finding, trace and log line goes through;
 * {@link org.approvalrules.api.privacy.MaskingWriter} applies it to an output stream.
 */
package org.approvalrules.api.privacy;
