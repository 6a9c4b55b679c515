/**
 * The {@code validate-config} subcommand: loads a cloud config with the {@code kamatera} module's
 * loader and prints either the resolved configuration, with secrets redacted (JSON or text), or one
 * line per problem.
 */
package org.k8sca.app.validate;
