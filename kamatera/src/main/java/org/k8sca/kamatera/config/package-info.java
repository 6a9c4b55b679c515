/**
 * The Kamatera cloud config file ({@code --cloud-config}): loading, upstream's inheritance rules
 * and validation that reports every problem at once with section, key and line.
 *
 * <p>Flow: {@link org.k8sca.kamatera.config.CloudConfigLoader} reads the text with the gcfg parser
 * ({@code config.gcfg}), {@code CloudConfigBinder} stores it into the Kamatera schema as go-gcfg
 * would ({@code ConfigKeys}, {@code RawSection}), and {@code CloudConfigResolver} / {@code
 * NodeGroupResolver} apply defaults, inheritance and every check, collecting {@link
 * org.k8sca.kamatera.config.ConfigProblem}s. Go library behaviours that upstream's messages depend
 * on live in {@code config.golang}. Keys upstream does not have (template-node reservations and
 * taints, price per hour, minimum refresh interval) are parsed by {@code TemplateSyntax} into
 * {@link org.k8sca.kamatera.config.NodeTemplateConfig}. See docs/configuration.md and
 * docs/compatibility.md.
 */
package org.k8sca.kamatera.config;
