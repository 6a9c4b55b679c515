/**
 * The few Go standard-library behaviours the cloud config depends on, reproduced exactly: {@code
 * strconv.Atoi}, {@code strconv.ParseBool}, {@code %q} quoting and {@code
 * base64.StdEncoding.DecodeString} with its error offsets. Upstream's messages embed these
 * functions' error texts, so they must match byte for byte.
 */
package org.k8sca.kamatera.config.golang;
