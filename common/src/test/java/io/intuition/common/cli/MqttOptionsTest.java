package io.intuition.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import io.intuition.common.mqtt.MqttVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class MqttOptionsTest {
  private static final String SECRET = "Pa55-w0rd";

  @TempDir Path dir;
  private final Map<String, String> environment = new HashMap<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A command that mixes the options in, as the services do. */
  @Command(name = "svc", mixinStandardHelpOptions = true)
  static final class Service implements Callable<Integer> {
    @Mixin(name = "mqtt")
    final MqttOptions mqtt;

    Service(MqttOptions mqtt) {
      this.mqtt = mqtt;
    }

    @Override
    public Integer call() {
      try {
        mqtt.settings("default-id").build();
        return 0;
      } catch (IllegalArgumentException e) {
        return 2;
      }
    }
  }

  @Test
  void help_namesEachOptionsVariableOfThePrefixButNoPasswordOption() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("-m, --mqtt=URL", "SVC_MQTT, default mqtt://localhost:1883")
        .contains("--username", "SVC_USERNAME", "--password-file=FILE", "SVC_PASSWORD_FILE")
        .contains("or set SVC_PASSWORD")
        .contains("--ca-file=FILE", "SVC_CA_FILE", "--cert-file=FILE", "SVC_CERT_FILE")
        .contains("--key-file=FILE", "SVC_KEY_FILE", "--insecure", "SVC_INSECURE")
        .contains("--mqtt-version", "SVC_MQTT_VERSION, default auto")
        .contains("--client-id", "SVC_CLIENT_ID, default: svc-1")
        .doesNotContain("--password=", "--password ");
  }

  @Test
  void options_readTheirVariablesWhenNotGiven() {
    Service service = service();
    CommandLine commandLine = new CommandLine(service).setInterpolateVariables(false);

    assertThat(commandLine.getCommandSpec().findOption("--ca-file").defaultValueString())
        .isEqualTo("${env:SVC_CA_FILE}");
    assertThat(commandLine.getCommandSpec().findOption("--insecure").defaultValueString())
        .isEqualTo("${env:SVC_INSECURE:-false}");
    assertThat(service.mqtt.passwordVariable()).isEqualTo("SVC_PASSWORD");
  }

  @Test
  void settings_nothingGiven_isTheLocalBrokerWithoutLogin() {
    MqttSettings settings = parse();

    assertThat(settings.url()).isEqualTo(MqttUrl.parse("mqtt://localhost:1883"));
    assertThat(settings.username()).isNull();
    assertThat(settings.password()).isNull();
    assertThat(settings.version()).isEqualTo(MqttVersion.AUTO);
    assertThat(settings.clientId()).isEqualTo("default-id");
    assertThat(settings.tls().isJvmDefault()).isTrue();
  }

  @Test
  void settings_loginInTheUrl_isTheLoginAndLeavesTheUrl() {
    MqttSettings settings = parse("--mqtt", "mqtt://feed:" + SECRET + "@broker:1884");

    assertThat(settings.username()).isEqualTo("feed");
    assertThat(settings.password()).isEqualTo(SECRET);
    assertThat(settings.url()).hasToString("mqtt://broker:1884");
    assertThat(settings.toString()).doesNotContain(SECRET);
  }

  @Test
  void settings_passwordFile_isItsFirstLineWithoutTheLineBreak() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), SECRET + " \r\nsecond line\n");

    MqttSettings settings = parse("--username", "feed", "--password-file", file.toString());

    assertThat(settings.password()).isEqualTo(SECRET + " ");
  }

  @Test
  void options_notGiven_takeTheirVariables() {
    environment.put("SVC_MQTT", "mqtts://broker");
    environment.put("SVC_USERNAME", "feed");
    environment.put("SVC_INSECURE", "true");
    environment.put("SVC_MQTT_VERSION", "3");
    environment.put("SVC_CLIENT_ID", "feed-1");

    MqttSettings settings = parse();

    assertThat(settings.url()).hasToString("mqtts://broker:8883");
    assertThat(settings.username()).isEqualTo("feed");
    assertThat(settings.tls().verifyHostname()).isFalse();
    assertThat(settings.version()).isEqualTo(MqttVersion.V3);
    assertThat(settings.clientId()).isEqualTo("feed-1");
  }

  @Test
  void settings_passwordInTheEnvironment_isTaken() {
    environment.put("SVC_PASSWORD", SECRET);

    assertThat(parse("--username", "feed").password()).isEqualTo(SECRET);
  }

  @Test
  void settings_emptyPasswordVariable_isNoPassword() {
    environment.put("SVC_PASSWORD", "");

    assertThat(parse("--username", "feed").password()).isNull();
  }

  @Test
  void settings_emptyPasswordFile_saysTheFirstLineMustBeThePassword() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), "\n" + SECRET);

    assertThatThrownBy(() -> parse("--username", "feed", "--password-file", file.toString()))
        .hasMessage("--password-file " + file + " is empty: its first line must be the password");
  }

  @Test
  void settings_missingPasswordFile_saysSo() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> parse("--username", "feed", "--password-file", missing.toString()))
        .hasMessage("cannot read --password-file " + missing + ": no such file");
  }

  @Test
  void settings_passwordInTheUrlAndInAFile_isGivenTwice() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), SECRET);
    environment.put("SVC_PASSWORD", SECRET);

    assertThatThrownBy(
            () ->
                parse("--mqtt", "mqtt://feed:" + SECRET + "@h", "--password-file", file.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the password is given in the URL and in --password-file and in SVC_PASSWORD:"
                + " give it once");
  }

  @Test
  void settings_passwordWithoutUserName_needsOne() {
    environment.put("SVC_PASSWORD", SECRET);

    assertThatThrownBy(this::parse)
        .hasMessage("a password needs a user name: give --username, or write it in the URL");
  }

  @Test
  void settings_userNameOfTheUrlAndOfTheOption_mustNotDiffer() {
    assertThatThrownBy(() -> parse("--mqtt", "mqtt://feed@h", "--username", "bridge"))
        .hasMessage("--username and the user name in the URL differ: give the user name once");
  }

  @Test
  void settings_userNameInTheUrlAndPasswordInTheEnvironment_logIn() {
    environment.put("SVC_PASSWORD", SECRET);

    MqttSettings settings = parse("--mqtt", "mqtt://feed@h");

    assertThat(settings.username()).isEqualTo("feed");
    assertThat(settings.password()).isEqualTo(SECRET);
  }

  @Test
  void settings_tlsOptionsWithoutTlsUrl_nameTheOptionsAndTheUrl() {
    assertThatThrownBy(() -> parse("--mqtt", "mqtt://h", "--ca-file", "ca.pem", "--insecure"))
        .hasMessage(
            "--ca-file, --insecure need a TLS broker URL (mqtts:// or ssl://), but --mqtt is"
                + " mqtt://h:1883");
  }

  @Test
  void settings_certificateWithoutKey_needsTheKey() {
    assertThatThrownBy(() -> parse("--mqtt", "mqtts://h", "--cert-file", "c.pem"))
        .hasMessage("--cert-file needs --key-file, the certificate's key");
    assertThatThrownBy(() -> parse("--mqtt", "mqtts://h", "--key-file", "k.pem"))
        .hasMessage("--key-file needs --cert-file, the key's certificate");
  }

  @Test
  void settings_insecure_turnsOffHostNameVerificationOnly() {
    MqttSettings settings = parse("--mqtt", "mqtts://h", "--insecure");

    assertThat(settings.tls().verifyHostname()).isFalse();
    assertThat(settings.tls().caFile()).isEmpty();
    assertThat(parse("--mqtt", "mqtts://h").tls().verifyHostname()).isTrue();
  }

  @Test
  void settings_unreadableCaFile_namesIt() {
    Path missing = dir.resolve("ca.pem");

    assertThatThrownBy(() -> parse("--mqtt", "mqtts://h", "--ca-file", missing.toString()))
        .hasMessage("cannot read CA file " + missing + ": no such file");
  }

  @Test
  void passwordOption_isRefusedWithoutShowingThePassword() {
    assertThat(execute("--password", SECRET)).isEqualTo(2);
    assertThat(execute("--password=" + SECRET)).isEqualTo(2);

    assertThatThrownBy(() -> parse("--password", SECRET))
        .hasMessageStartingWith("--password is not taken, since a command line shows in ps")
        .hasMessageEndingWith("or in SVC_PASSWORD")
        .message()
        .doesNotContain(SECRET);
    assertThat(out.toString() + err).doesNotContain(SECRET);
  }

  @Test
  void settings_malformedUrlWithPassword_masksIt() {
    assertThatThrownBy(() -> parse("--mqtt", "mqtt://feed:" + SECRET + "@h:0"))
        .hasMessage(
            "invalid MQTT URL \"mqtt://feed:****@h:0\": the port must be in 1..65535,"
                + " but was 0");
  }

  @Test
  void mqttVersion_unknown_isRefusedByTheParser() {
    assertThat(execute("--mqtt-version", "4")).isEqualTo(2);

    assertThat(err.toString()).contains("MQTT version must be auto, 3 or 5, but was \"4\"");
  }

  @Test
  void keepAlive_readsItsVariableAndDefaultsTo30Seconds() {
    assertThat(parse().keepAliveSeconds()).isEqualTo(30);
    environment.put("SVC_KEEP_ALIVE", "2");

    assertThat(parse().keepAliveSeconds()).isEqualTo(2);
    assertThat(parse("--keep-alive", "5").keepAliveSeconds()).isEqualTo(5);
  }

  private Service service() {
    return new Service(new MqttOptions("SVC", "svc-1", "mqtt://localhost:1883", environment::get));
  }

  /** The settings of a fresh command line: picocli resets options to what they held before. */
  private MqttSettings parse(String... args) {
    Service fresh = service();
    new CommandLine(fresh).parseArgs(args);
    return fresh.mqtt.settings("default-id").build();
  }

  private int execute(String... args) {
    return new CommandLine(service())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
