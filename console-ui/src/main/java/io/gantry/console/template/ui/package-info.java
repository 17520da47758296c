/**
 * Views of the template library: the Templates page (search, keyword cloud, upload, download, delete) and the
 * details of one template (documentation, services, dangerous settings).
 */
@NullMarked
package io.gantry.console.template.ui;

import org.jspecify.annotations.NullMarked;
