package fr.defense.rapid.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * A file at the per-file limit reaches our checks (and their French refusal): the multipart request
 * that carries it is allowed a little more, by our filter and by Spring's own multipart bounds.
 */
class UploadLimitsTest {

    @Test
    void aTwentyMegabyteFileFitsInOneUploadByDefault() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties settings = yaml.getObject();

        assertThat(settings.getProperty("rapid.attachments.max-file-size")).isEqualTo("20MB");
        assertThat(settings.getProperty("rapid.attachments.max-dossier-total")).isEqualTo("60MB");
        DataSize upload = DataSize.parse(settings.getProperty("rapid.security.max-upload"));
        assertThat(upload.toBytes()).isGreaterThan(DataSize.ofMegabytes(20).toBytes());
        assertThat(settings.getProperty("spring.servlet.multipart.max-file-size"))
                .isEqualTo("${rapid.security.max-upload}");
        assertThat(settings.getProperty("spring.servlet.multipart.max-request-size"))
                .isEqualTo("${rapid.security.max-upload}");
        new UploadLimitsCheck(
                new AttachmentSettings(DataSize.ofMegabytes(20), DataSize.ofMegabytes(60)),
                new MockEnvironment().withProperty("rapid.security.max-upload", "21MB"));
    }

    @Test
    void anUploadBoundThatLeavesNoRoomForAFileAtTheLimitStopsTheStart() {
        assertThatThrownBy(() -> new UploadLimitsCheck(
                        new AttachmentSettings(DataSize.ofMegabytes(20), DataSize.ofMegabytes(60)),
                        new MockEnvironment().withProperty("rapid.security.max-upload", "20MB")))
                .hasMessageContaining("rapid.security.max-upload")
                .hasMessageContaining("rapid.attachments.max-file-size");
    }
}
